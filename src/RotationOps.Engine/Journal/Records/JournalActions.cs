namespace RotationOps.Engine.Journal.Records;

/// <summary>
/// The journal's milestone actions: a workflow's own transitions, as opposed to the AWS
/// operations (PutSecretValue, UpdateAlias, ...) journaled around each call.
/// </summary>
public static class JournalActions
{
    /// <summary>A secret rotation's transitions (<see cref="RotationRecords"/>).</summary>
    public const string SecretRotation = "SecretRotation";

    /// <summary>A Lambda canary deployment's transitions.</summary>
    public const string LambdaDeployment = "LambdaDeployment";

    /// <summary>A deployment lock taken from another holder (expired, gone, -Force or an undo).</summary>
    public const string LockTakeover = "LockTakeover";
}
