using System.Collections;
using System.Collections.Generic;
using System.Security;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Tests.Rotation;

/// <summary>
/// What -NewValue may hold: a non-scalar JSON key would be stored as its type name (the
/// literal password "System.Collections.Hashtable"), an empty value would replace a working
/// credential with nothing. Both are refused before any AWS call, naming -NewValue.
/// </summary>
public sealed class NewSecretValueTests
{
    public static TheoryData<object, string> NonScalars => new TheoryData<object, string>
    {
        { new Hashtable { ["x"] = 1 }, "Hashtable" },
        { new object[] { "a", "b" }, "Object[]" },
        { new List<string> { "a" }, "List`1" },
        { new { Password = "x" }, "<>f__AnonymousType" },
        { new System.Func<string>(() => "x"), "Func`1" },
    };

    [Theory]
    [MemberData(nameof(NonScalars))]
    public void A_non_scalar_key_value_is_refused_naming_the_key_and_its_type(object value, string typeName)
    {
        var error = Assert.Throws<RunbookException>(() => JsonKeyValue.From("password", value));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Equal(RunbookErrorCategory.InvalidArgument, error.Category);
        Assert.Equal("NewValue", error.ParameterName);
        Assert.StartsWith("-NewValue: key 'password' holds a ", error.Message);
        Assert.Contains(typeName, error.Message);
        Assert.Contains("SecureString", error.Message);
    }

    [Fact]
    public void Scalars_become_their_invariant_text()
    {
        var secure = new SecureString();
        foreach (char c in "s3cret") secure.AppendChar(c);

        Assert.Equal("s3cret", JsonKeyValue.From("password", secure).Reveal());
        Assert.Equal("orders_app", JsonKeyValue.From("username", "orders_app").Reveal());
        Assert.Equal("5432", JsonKeyValue.From("port", 5432).Reveal());
        Assert.Equal("1.5", JsonKeyValue.From("ratio", 1.5m).Reveal());
        Assert.Equal("True", JsonKeyValue.From("ssl", true).Reveal());
    }

    [Fact]
    public void A_missing_key_value_is_refused()
    {
        var error = Assert.Throws<RunbookException>(() => JsonKeyValue.From("password", null));

        Assert.Equal("NewValue", error.ParameterName);
    }

    [Fact]
    public void An_empty_value_is_refused()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.Literal(SensitiveValue.FromSecureString(new SecureString()), jsonKey: "password"));

        Assert.Equal("InvalidParameter", error.ErrorId);
        Assert.Equal("NewValue", error.ParameterName);
        Assert.Contains("empty", error.Message);
    }

    [Fact]
    public void An_empty_key_is_refused_by_name()
    {
        var error = Assert.Throws<RunbookException>(() => NewSecretValue.JsonKeys(new Dictionary<string, SensitiveValue>
        {
            ["username"] = SensitiveValue.FromString("orders_app"),
            ["password"] = SensitiveValue.FromString(""),
        }));

        Assert.Equal("NewValue", error.ParameterName);
        Assert.Contains("key 'password' is empty", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_key_with_no_name_is_refused_in_a_hashtable_and_as_JsonKey(string blank)
    {
        var inHashtable = Assert.Throws<RunbookException>(() => NewSecretValue.JsonKeys(new Dictionary<string, SensitiveValue>
        {
            [blank] = SensitiveValue.FromString("N3w-Pa55word"),
        }));
        Assert.Equal("NewValue", inHashtable.ParameterName);
        Assert.Contains("needs a name", inHashtable.Message);
        Assert.DoesNotContain("N3w-Pa55word", inHashtable.Message);

        var asJsonKey = Assert.Throws<RunbookException>(() => NewSecretValue.Generated(new RotationOps.Engine.SecretsManager.RandomPasswordRequest(), blank));
        Assert.Equal("JsonKey", asJsonKey.ParameterName);
    }
}
