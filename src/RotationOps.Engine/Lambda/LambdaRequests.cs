using System.Collections.Generic;

namespace RotationOps.Engine.Lambda;

public sealed class UpdateFunctionConfigurationRequest
{
    public string FunctionName { get; set; } = "";
    public string? RevisionId { get; set; }
    public string? Runtime { get; set; }
    public string? Description { get; set; }
    /// <summary>The complete variable set (Lambda replaces, never merges); null leaves it unchanged.</summary>
    public IDictionary<string, string>? Environment { get; set; }
}

public sealed class UpdateFunctionCodeRequest
{
    public string FunctionName { get; set; } = "";
    public string? RevisionId { get; set; }
    public byte[] ZipFile { get; set; } = new byte[0];
}

public sealed class PublishVersionRequest
{
    public string FunctionName { get; set; } = "";
    /// <summary>Publish only if $LATEST still has this code (InvalidParameterValueException otherwise).</summary>
    public string? CodeSha256 { get; set; }
    public string? Description { get; set; }
    /// <summary>Publish only if $LATEST is still at this revision (PreconditionFailedException otherwise).</summary>
    public string? RevisionId { get; set; }
}

public sealed class UpdateAliasRequest
{
    public string FunctionName { get; set; } = "";
    public string Name { get; set; } = "";
    public string? FunctionVersion { get; set; }
    public string? Description { get; set; }
    /// <summary>Null leaves routing unchanged; an empty dictionary clears it.</summary>
    public IDictionary<string, double>? AdditionalVersionWeights { get; set; }
    public string? RevisionId { get; set; }
}

public sealed class InvokeRequest
{
    public string FunctionName { get; set; } = "";
    public string? Qualifier { get; set; }
    public byte[] Payload { get; set; } = new byte[0];
    /// <summary>RequestResponse (default), Event or DryRun.</summary>
    public string InvocationType { get; set; } = "RequestResponse";
    /// <summary>Ask for the last 4 KB of the log (X-Amz-Log-Type: Tail).</summary>
    public bool TailLog { get; set; }
}
