using System.Collections.Generic;

namespace RotationOps.Engine.Lambda;

/// <summary>A function version's configuration as Lambda returns it.</summary>
public sealed class FunctionConfiguration
{
    public string FunctionName { get; set; } = "";
    public string FunctionArn { get; set; } = "";
    public string? Runtime { get; set; }
    public string? Role { get; set; }
    public string? Handler { get; set; }
    public string? Description { get; set; }
    public int? Timeout { get; set; }
    public int? MemorySize { get; set; }
    /// <summary>ISO-8601 as Lambda sends it, e.g. 2019-08-14T22:26:11.234+0000.</summary>
    public string? LastModified { get; set; }
    public string? CodeSha256 { get; set; }
    /// <summary>"$LATEST" or a published version number.</summary>
    public string Version { get; set; } = "";
    /// <summary>Environment variables. Values can be sensitive: never print them, only keys and hashes.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; set; } = new Dictionary<string, string>();
    public string? RevisionId { get; set; }
    /// <summary>Pending | Active | Inactive | Failed.</summary>
    public string? State { get; set; }
    public string? StateReason { get; set; }
    public string? StateReasonCode { get; set; }
    /// <summary>InProgress | Successful | Failed.</summary>
    public string? LastUpdateStatus { get; set; }
    public string? LastUpdateStatusReason { get; set; }
    public string? LastUpdateStatusReasonCode { get; set; }
    public string? DeadLetterTargetArn { get; set; }
}
