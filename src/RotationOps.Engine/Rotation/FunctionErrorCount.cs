namespace RotationOps.Engine.Rotation;

/// <summary>
/// The rotation function's errors CloudWatch reported over a window, or why they cannot be known:
/// a result that was not Complete (<see cref="Gap"/>, with CloudWatch's status and messages) has
/// missing points, and its sum is not the count.
/// </summary>
internal readonly struct FunctionErrorCount
{
    public FunctionErrorCount(double errors, string? gap)
    {
        Errors = errors;
        Gap = gap;
    }

    public double Errors { get; }

    public string? Gap { get; }

    public bool IsKnown => Gap == null;
}
