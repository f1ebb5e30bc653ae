namespace RotationOps.Bench;

/// <summary>How one simulated bake ended: rolled back or passed, after how many minutes and canary invocations.</summary>
internal readonly record struct BakeOutcome(bool RolledBack, int Minutes, double CanaryInvocations);
