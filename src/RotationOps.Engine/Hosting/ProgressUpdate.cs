namespace RotationOps.Engine.Hosting
{
    /// <summary>One progress record: an activity per item (ActivityId), completed when done.</summary>
    public sealed class ProgressUpdate
    {
        public ProgressUpdate(int activityId, string activity, string status)
        {
            ActivityId = activityId;
            Activity = activity;
            Status = status;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string Status { get; }
        public int PercentComplete { get; set; } = -1;
        public int SecondsRemaining { get; set; } = -1;
        public bool Completed { get; set; }
    }
}
