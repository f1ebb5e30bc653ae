using System;
using System.IO;

namespace RotationOps.Sandbox.Tests.Infrastructure;

/// <summary>
/// A test that drives Debian's AWS CLI v2 against the Sandbox. Where the CLI is not installed (a
/// developer machine with only the .NET SDK) it is reported as skipped, with how to get it; CI
/// installs it (.ci/run), so there it always runs.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AwsCliFactAttribute : FactAttribute
{
    public AwsCliFactAttribute() => Skip = AwsCliAvailability.SkipReason;
}

/// <summary>The Theory counterpart of <see cref="AwsCliFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AwsCliTheoryAttribute : TheoryAttribute
{
    public AwsCliTheoryAttribute() => Skip = AwsCliAvailability.SkipReason;
}

internal static class AwsCliAvailability
{
    /// <summary>Null when the CLI is there; otherwise why the test cannot run and how to fix that.</summary>
    public static string? SkipReason => File.Exists(AwsCli.Executable)
        ? null
        : $"AWS CLI v2 not found at {AwsCli.Executable}: apt-get install awscli (.ci/run installs it).";
}
