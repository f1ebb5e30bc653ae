namespace RotationOps.Sandbox.Lambda.Invocation;

/// <summary>An unhandled function error, as the runtime reports it in the response body (<c>errorType</c>, <c>errorMessage</c>).</summary>
internal sealed record FunctionError(string Type, string Message);
