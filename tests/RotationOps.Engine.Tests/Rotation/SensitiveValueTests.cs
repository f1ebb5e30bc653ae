using System.Security;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Tests.Rotation;

public sealed class SensitiveValueTests
{
    [Fact]
    public void Formatting_never_reveals_the_value()
    {
        using var value = SensitiveValue.FromString("correct horse battery staple");

        Assert.Equal(SensitiveValue.Redacted, value.ToString());
        Assert.Equal($"value={SensitiveValue.Redacted}", $"value={value}");
    }

    [Fact]
    public void A_SecureString_round_trips_through_utf8()
    {
        var secure = new SecureString();
        foreach (char c in "p\u00e4ss\U0001F511") secure.AppendChar(c);

        using var value = SensitiveValue.FromSecureString(secure);

        Assert.Equal("p\u00e4ss\U0001F511", value.Reveal());
        Assert.Equal(secure.Length, value.ToSecureString().Length);
    }

    [Fact]
    public void Dispose_zeroes_the_bytes_and_later_use_fails()
    {
        var value = SensitiveValue.FromString("secret");
        byte[] bytes = value.Bytes;

        value.Dispose();

        Assert.All(bytes, b => Assert.Equal(0, b));
        Assert.Throws<System.ObjectDisposedException>(() => value.Reveal());
    }

    [Fact]
    public void Equality_compares_content_and_kind()
    {
        using var a = SensitiveValue.FromString("abc");
        using var b = SensitiveValue.FromString("abc");
        using var c = SensitiveValue.FromString("abd");
        using var binary = SensitiveValue.FromBinary(new byte[] { 97, 98, 99 });

        Assert.True(a.Equals(b));
        Assert.False(a.Equals(c));
        Assert.False(a.Equals(binary));
    }
}
