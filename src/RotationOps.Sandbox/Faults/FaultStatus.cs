namespace RotationOps.Sandbox.Faults;

/// <summary>A fault rule as currently armed, with how many calls it has hit so far.</summary>
/// <param name="Id">Identifier to remove the rule with.</param>
/// <param name="Rule">The rule as added.</param>
/// <param name="Hits">Matching calls the fault has hit.</param>
/// <param name="Passed">Matching calls let through by <see cref="FaultRule.Skip"/>.</param>
public sealed record FaultStatus(string Id, FaultRule Rule, int Hits, int Passed);
