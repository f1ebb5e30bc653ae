namespace RotationOps.Sandbox.SecretsManager;

/// <summary>A tag on a secret.</summary>
internal sealed record SecretTag(string Key, string Value);
