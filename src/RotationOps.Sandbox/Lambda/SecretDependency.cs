namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// A secret a function reads on every invocation — the value at <paramref name="Stage"/> — and
/// presents to the secret's downstream service. A missing value or one the downstream service
/// refuses fails the invocation with "AccessDenied to downstream".
/// </summary>
/// <param name="SecretId">Secret name or ARN.</param>
/// <param name="Stage">Staging label read, usually AWSCURRENT or AWSPENDING.</param>
public sealed record SecretDependency(string SecretId, string Stage = "AWSCURRENT");
