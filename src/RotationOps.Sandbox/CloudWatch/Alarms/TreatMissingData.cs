namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>How an alarm counts a period without data; <see cref="Missing"/> is the default.</summary>
internal static class TreatMissingData
{
    public const string Missing = "missing";
    public const string Ignore = "ignore";
    public const string Breaching = "breaching";
    public const string NotBreaching = "notBreaching";

    public static bool IsKnown(string value) => value is Missing or Ignore or Breaching or NotBreaching;
}
