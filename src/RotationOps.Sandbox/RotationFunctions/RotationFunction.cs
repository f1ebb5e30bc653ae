namespace RotationOps.Sandbox.RotationFunctions;

/// <summary>A registered rotation function: its Lambda identity and declared behaviour.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Arn">Unqualified function ARN.</param>
/// <param name="Behavior">What the function does when invoked.</param>
public sealed record RotationFunction(string Name, string Arn, RotationFunctionBehavior Behavior);
