namespace RotationOps.Sandbox.Lambda;

/// <summary>An alias's one additional version and the share of invocations it receives.</summary>
internal sealed record AliasRouting(string Version, double Weight);
