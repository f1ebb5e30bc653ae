namespace RotationOps.Engine.Hosting;

/// <summary>One progress record: an activity per item (ActivityId), completed when done.</summary>
public sealed class ProgressUpdate
{
    private static int _lastActivityId = 1000;
    public ProgressUpdate(int activityId, string activity, string status)
    {
        ActivityId = activityId;
        Activity = activity;
        Status = status;
    }

    /// <summary>A fresh id, so concurrent items (a fleet) each get their own progress bar.</summary>
    public static int NextActivityId() => System.Threading.Interlocked.Increment(ref _lastActivityId);

    public int ActivityId { get; }
    public string Activity { get; }
    public string Status { get; }
    public int PercentComplete { get; set; } = -1;
    public int SecondsRemaining { get; set; } = -1;
    public bool Completed { get; set; }
}
