using System;
using System.Security;
using System.Text;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// Turns UTF-8 bytes read off the wire into a text <see cref="SensitiveValue"/> without making a
/// managed string (which could never be zeroed). SensitiveValue only takes text as a string or a
/// SecureString, so the bytes travel through a SecureString and zeroed char arrays.
/// </summary>
internal static class SensitiveText
{
    public static SensitiveValue FromUtf8(byte[] utf8, int count)
    {
        char[] chars = Encoding.UTF8.GetChars(utf8, 0, count);
        try
        {
            using (var secure = new SecureString())
            {
                foreach (char c in chars) secure.AppendChar(c);
                return SensitiveValue.FromSecureString(secure);
            }
        }
        finally
        {
            Array.Clear(chars, 0, chars.Length);
        }
    }
}
