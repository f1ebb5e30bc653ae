using System.Collections.Generic;

namespace RotationOps.Engine.Canary;

/// <summary>One function to canary behind one alias, as Publish-LambdaCanary was asked.</summary>
public sealed class CanaryRequest
{
    public string FunctionName { get; set; } = "";
    public string AliasName { get; set; } = "";
    /// <summary>Share of the alias's traffic for the new version, above 0 and below 1.</summary>
    public double Weight { get; set; }

    /// <summary>Variables to add or change (merged into the live version's set).</summary>
    public IDictionary<string, string>? Environment { get; set; }
    public IList<string>? RemoveEnvironmentVariables { get; set; }
    public string? Runtime { get; set; }
    public string? Description { get; set; }
    /// <summary>New code as a zip; <see cref="ZipFileName"/> names it in the plan.</summary>
    public byte[]? ZipFile { get; set; }
    public string? ZipFileName { get; set; }

    /// <summary>Canary an existing published version instead of publishing a new one.</summary>
    public string? Version { get; set; }

    /// <summary>Invoked on the new version before any traffic moves; a function error aborts.</summary>
    public byte[]? PreTrafficPayload { get; set; }

    /// <summary>Replace an existing routing configuration, or publish over a drifted $LATEST.</summary>
    public bool Force { get; set; }

    /// <summary>The secret-rotation canary: the staged secret version the new function version reads.</summary>
    public string? SecretId { get; set; }
    public string? SecretVersionId { get; set; }
    public string? PreviousSecretVersionId { get; set; }
    /// <summary>Environment variable through which the canary version learns the staged secret version.</summary>
    public string SecretVersionVariable { get; set; } = "ROTATIONOPS_SECRET_VERSION_ID";

    public bool HasChanges =>
        (Environment?.Count ?? 0) > 0 || (RemoveEnvironmentVariables?.Count ?? 0) > 0 || Runtime != null ||
        Description != null || ZipFile != null || SecretVersionId != null;
}
