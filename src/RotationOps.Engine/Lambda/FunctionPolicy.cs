namespace RotationOps.Engine.Lambda;

/// <summary>GetPolicy's answer: the resource policy document (JSON text) and its revision.</summary>
public sealed class FunctionPolicy
{
    public string Policy { get; set; } = "";
    public string? RevisionId { get; set; }
}
