namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>An alarm's StateValue, spelled as on the wire.</summary>
public static class AlarmStates
{
    public const string Ok = "OK";
    public const string Alarm = "ALARM";
    public const string InsufficientData = "INSUFFICIENT_DATA";

    internal static bool IsKnown(string value) => value is Ok or Alarm or InsufficientData;
}
