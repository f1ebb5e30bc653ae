using System;
using System.Collections.Generic;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Auth;

/// <summary>The parts of an <c>Authorization: AWS4-HMAC-SHA256 ...</c> header.</summary>
internal sealed record SigV4Authorization(
    string AccessKeyId,
    string ScopeDate,
    string ScopeRegion,
    string ScopeService,
    string ScopeTerminator,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    public const string Algorithm = "AWS4-HMAC-SHA256";

    public string Scope => $"{ScopeDate}/{ScopeRegion}/{ScopeService}/{ScopeTerminator}";

    /// <summary>Parses the header, answering AWS's IncompleteSignatureException texts for missing parts.</summary>
    public static SigV4Authorization Parse(string header)
    {
        // Anything that is not a SigV4 header simply lacks the parts SigV4 needs.
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        if (header.StartsWith(Algorithm + " ", StringComparison.Ordinal))
        {
            foreach (var piece in header[(Algorithm.Length + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = piece.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    parts[piece[..equals]] = piece[(equals + 1)..];
                }
            }
        }

        var missing = new List<string>();
        foreach (var required in new[] { "Credential", "Signature", "SignedHeaders" })
        {
            if (!parts.ContainsKey(required))
            {
                missing.Add($"Authorization header requires '{required}' parameter.");
            }
        }

        if (missing.Count > 0)
        {
            throw CommonErrors.IncompleteSignature($"{string.Join(" ", missing)} Authorization={header}");
        }

        var credential = parts["Credential"].Split('/');
        if (credential.Length != 5)
        {
            throw CommonErrors.IncompleteSignature(
                $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{parts["Credential"]}'");
        }

        return new SigV4Authorization(
            credential[0],
            credential[1],
            credential[2],
            credential[3],
            credential[4],
            parts["SignedHeaders"].Split(';'),
            parts["Signature"]);
    }
}
