namespace RotationOps.Engine.SecretsManager;

/// <summary>RotationRules: AutomaticallyAfterDays (1–1000) or ScheduleExpression, with an optional window Duration ("[0-9]+h").</summary>
public sealed class RotationRules
{
    public int? AutomaticallyAfterDays { get; set; }
    public string? Duration { get; set; }
    public string? ScheduleExpression { get; set; }
}
