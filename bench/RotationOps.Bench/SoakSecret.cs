using System.Collections.Generic;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Rotation;

namespace RotationOps.Bench;

/// <summary>
/// One secret of the soak and what is remembered about it between its rotations: the journal and
/// runner of the job that rotates it, every version that ever held AWSCURRENT, and the command its
/// operator runs next when a rotation left AWSPENDING staged.
/// </summary>
internal sealed class SoakSecret(string arn, DeploymentJournal journal, SecretRotationRunner runner)
{
    public string Arn { get; } = arn;

    public DeploymentJournal Journal { get; } = journal;

    public SecretRotationRunner Runner { get; } = runner;

    /// <summary>Versions seen holding AWSCURRENT: each must still exist at every later check.</summary>
    public HashSet<string> EverCurrent { get; } = new();

    /// <summary>Deployments already reported for this secret: a later report under one of them is a resumed rotation.</summary>
    public HashSet<string> DeploymentIds { get; } = new();

    /// <summary>What the operator runs next, as the last failure's message advised; null for a fresh rotation.</summary>
    public SecretRotationRequest? ReRun { get; set; }
}
