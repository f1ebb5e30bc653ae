namespace RotationOps.Engine.Hosting;

/// <summary>One AWS change as ShouldProcess shows it: what it acts on, and what it does.</summary>
public sealed class PlannedChange
{
    public PlannedChange(string target, string action)
    {
        Target = target;
        Action = action;
    }

    public string Target { get; }
    public string Action { get; }

    public override string ToString() => $"{Action} on {Target}";
}
