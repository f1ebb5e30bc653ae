using System;
using System.Globalization;
using System.Text;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>Opaque NextToken values for the list operations; anything else is InvalidNextTokenException.</summary>
internal static class PageToken
{
    private const string Prefix = "sandbox-page:";

    public static string Encode(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + offset.ToString(CultureInfo.InvariantCulture)));

    public static int Decode(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(Prefix, StringComparison.Ordinal)
                && int.TryParse(text[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64: falls through to the same error as any other foreign token.
        }

        throw SecretsManagerErrors.InvalidNextToken();
    }
}
