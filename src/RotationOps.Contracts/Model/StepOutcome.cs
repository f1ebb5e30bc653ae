namespace RotationOps;

/// <summary>How one traffic step of a deployment ended.</summary>
public enum StepOutcome
{
    /// <summary>Not ended: still baking, or its process was lost mid-bake (resume or undo it).</summary>
    Open,
    /// <summary>The initial canary step: Publish-LambdaCanary routed the weight (no bake).</summary>
    Routed,
    /// <summary>The bake ended with every gate held.</summary>
    Passed,
    /// <summary>A gate tripped during the bake.</summary>
    Failed,
    /// <summary>Ctrl+C, or a terminating error elsewhere in the command, stopped the bake.</summary>
    Stopped,
    /// <summary>All traffic moved to the canary version.</summary>
    Promoted,
}
