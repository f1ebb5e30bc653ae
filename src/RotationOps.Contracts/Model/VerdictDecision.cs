namespace RotationOps;

/// <summary>What the sequential verdict made of the evidence so far.</summary>
public enum VerdictDecision
{
    /// <summary>Neither boundary crossed yet: keep baking.</summary>
    Continue,
    /// <summary>The evidence says the canary fails no more often than stable: the bake may end early.</summary>
    Promote,
    /// <summary>The evidence says the canary fails more often than stable: roll back.</summary>
    RollBack,
}
