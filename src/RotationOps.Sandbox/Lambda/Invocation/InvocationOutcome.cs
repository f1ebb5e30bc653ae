namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>One invocation's result: the version that ran and, when it failed, its unhandled error.</summary>
internal sealed record InvocationOutcome(FunctionVersion Version, FunctionError? Error);
