using System;

namespace RotationOps.Sandbox.Faults;

/// <summary>
/// One fault to inject: which calls it matches, what it does, and how many of them it hits.
/// Signature checks run first, so a fault only ever hits calls AWS would have accepted.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Service signing name, e.g. <c>secretsmanager</c>; <c>*</c> matches every service.</summary>
    public string Service { get; init; } = "*";

    /// <summary>Operation name, e.g. <c>GetSecretValue</c>; <c>*</c> matches every operation.</summary>
    public string Operation { get; init; } = "*";

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>
    /// Text the call's path or body must contain, e.g. a function name or secret id, so a fault hits
    /// one resource's calls while other work goes on untouched; null matches every call.
    /// </summary>
    public string? RequestContains { get; init; }

    /// <summary>How many matching calls the fault hits; null means every one.</summary>
    public int? Count { get; init; }

    /// <summary>How many matching calls pass untouched before the fault starts hitting.</summary>
    public int Skip { get; init; }

    /// <summary>The real delay a <see cref="FaultKind.Latency"/> fault adds.</summary>
    public TimeSpan Latency { get; init; }

    internal bool Matches(string service, string operation, FaultTarget target) =>
        (Service == "*" || string.Equals(Service, service, StringComparison.OrdinalIgnoreCase))
        && (Operation == "*" || string.Equals(Operation, operation, StringComparison.Ordinal))
        && (RequestContains is null || target.Contains(RequestContains));
}
