namespace RotationOps.Engine.Lambda;

public sealed class InvocationResult
{
    public int StatusCode { get; set; }
    /// <summary>X-Amz-Executed-Version: which version served a call through an alias.</summary>
    public string? ExecutedVersion { get; set; }
    /// <summary>X-Amz-Function-Error ("Unhandled"); the HTTP status stays 200.</summary>
    public string? FunctionError { get; set; }
    public byte[] Payload { get; set; } = new byte[0];
    /// <summary>X-Amz-Log-Result decoded from base64.</summary>
    public string? LogResult { get; set; }
}
