using System.Collections.Generic;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>A composite alarm's configuration, as PutCompositeAlarm sets it; AlarmRule is kept exactly as given.</summary>
public sealed record CompositeAlarmDefinition
{
    public required string AlarmName { get; init; }

    public required string AlarmRule { get; init; }

    public string? AlarmDescription { get; init; }

    public bool ActionsEnabled { get; init; } = true;

    public IReadOnlyList<string> OkActions { get; init; } = [];

    public IReadOnlyList<string> AlarmActions { get; init; } = [];

    public IReadOnlyList<string> InsufficientDataActions { get; init; } = [];
}
