using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Every secret in the Sandbox's one account and region. Callers hold <see cref="Gate"/> for a
/// whole operation, so each API call sees and leaves a consistent state.
/// </summary>
internal sealed class SecretStore(string region, string accountId)
{
    private const string SuffixAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly List<Secret> secrets = new();

    public object Gate { get; } = new();

    public IReadOnlyList<Secret> All => secrets;

    /// <summary>Finds a secret by name, full ARN, or partial ARN (the ARN without its random suffix).</summary>
    public Secret? Find(string secretId)
    {
        if (secretId.StartsWith("arn:", StringComparison.Ordinal))
        {
            return secrets.FirstOrDefault(s => string.Equals(s.Arn, secretId, StringComparison.Ordinal))
                ?? secrets.FirstOrDefault(s => string.Equals(s.Arn[..^7], secretId, StringComparison.Ordinal));
        }

        return secrets.FirstOrDefault(s => string.Equals(s.Name, secretId, StringComparison.Ordinal));
    }

    public Secret Resolve(string secretId) => Find(secretId) ?? throw SecretsManagerErrors.SecretNotFound();

    /// <summary>Resolves a secret an operation is about to change; a secret marked for deletion refuses.</summary>
    public Secret ResolveLive(string secretId)
    {
        var secret = Resolve(secretId);
        return secret.IsDeleted ? throw SecretsManagerErrors.MarkedForDeletion() : secret;
    }

    public Secret Add(string name, DateTimeOffset now)
    {
        var secret = new Secret(name, $"arn:aws:secretsmanager:{region}:{accountId}:secret:{name}-{RandomSuffix()}", now);
        secrets.Add(secret);
        return secret;
    }

    public void Remove(Secret secret) => secrets.Remove(secret);

    private static string RandomSuffix() => RandomNumberGenerator.GetString(SuffixAlphabet, 6);
}
