using System;
using System.Collections.Generic;
using RotationOps.Engine.Rotation;

namespace RotationOps.Engine.Validation;

public sealed class SecretValidationRequest
{
    public string SecretId { get; set; } = "";
    /// <summary>The version a rotation produced: AWSCURRENT must be on it.</summary>
    public string? ExpectedVersionId { get; set; }
    /// <summary>
    /// The rotation was staged with -Pending: <see cref="ExpectedVersionId"/> is the AWSPENDING
    /// version to judge (keys, changed value, test script), with AWSCURRENT as the baseline.
    /// </summary>
    public bool Staged { get; set; }

    /// <summary>The version that was current before the rotation: AWSPREVIOUS should be on it.</summary>
    public string? ExpectedPreviousVersionId { get; set; }
    public string? DeploymentId { get; set; }
    public IReadOnlyList<string> RequiredKeys { get; set; } = Array.Empty<string>();
    /// <summary>Oldest acceptable age of AWSCURRENT; null uses the rotation schedule.</summary>
    public TimeSpan? MaxAge { get; set; }
    public ISet<string> ExcludedChecks { get; set; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    public ISecretTester? Tester { get; set; }

    /// <summary>A function that uses the secret: invoked once (ConsumerInvocation) and its error rate since the rotation read (ConsumerErrorRate).</summary>
    public string? ConsumerFunctionName { get; set; }
    /// <summary>Version or alias of the consumer to invoke and measure.</summary>
    public string? ConsumerQualifier { get; set; }
    public byte[]? ConsumerPayload { get; set; }
    /// <summary>Highest acceptable consumer error rate since the rotation.</summary>
    public double MaxConsumerErrorRate { get; set; } = 0.01;
}
