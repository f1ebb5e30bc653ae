using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Journal;
using RotationOps.Engine.Journal.Stores;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;
using RotationOps.Sandbox.RotationFunctions;

namespace RotationOps.Bench;

/// <summary>
/// Issue 8's soak: rotation after rotation — client-side with a given value or a generated password,
/// and through a rotation function (one in twenty through a function that fails at setSecret) —
/// each under random faults on Secrets Manager's calls, with <see cref="SoakInvariants"/> checked
/// after every one. When a run leaves AWSPENDING staged, its secret's next run is what the message
/// advised. The figures count faults, outcomes and invariant breaks; the breaks should be zero.
/// </summary>
internal static class SoakBench
{
    private const string Name = "Soak under faults";

    /// <summary>
    /// Fixed, so runs are comparable. They are not identical: the client's retry jitter and the
    /// auto-advancing clock vary which call a fault hits, and outcomes steer each secret's next run.
    /// </summary>
    private const int Seed = 8;

    /// <summary>
    /// Rotations are spread over enough secrets that none gets more than this many: well under the
    /// 100 unlabelled versions AWS keeps, so a version that is missing was lost, not pruned by AWS.
    /// </summary>
    private const int RotationsPerSecret = 40;

    public static async Task RunAsync(int rotations, FigureTable table)
    {
        var wallTime = Stopwatch.StartNew();
        await using var world = await BenchSandbox.StartAsync();
        using var journals = new ScratchDirectory();
        var random = new Random(Seed);
        var behavior = new RotationFunctionBehavior { Strategy = RotationStrategy.RotateJsonKey("password"), StepLatency = TimeSpan.FromSeconds(2) };
        var working = world.Sandbox.RotationFunctions.Register("soak-rotation", behavior);
        var broken = world.Sandbox.RotationFunctions.Register("soak-rotation-broken", behavior with { FailAtStep = RotationStep.SetSecret });
        var invariants = new SoakInvariants(world.Sandbox.SecretsManager);
        var secrets = new List<SoakSecret>();
        for (var i = 0; i < (rotations + RotationsPerSecret - 1) / RotationsPerSecret; i++)
        {
            var arn = await world.SeedSecretAsync($"soak/secret-{i:0000}", $$"""{"username":"app{{i}}","password":"initial-password-{{i:0000}}"}""");
            // One journal per secret, as if each had its own scheduled job: the file journal is read
            // whole on every rotation, and one shared by 10,000 rotations would make that the cost measured.
            var journal = new DeploymentJournal(new FileJournalStore(Path.Combine(journals.Path, $"{i}")), world.Sandbox.Clock);
            var secret = new SoakSecret(arn, journal, new SecretRotationRunner(world.SecretsManager, journal, world.Host, world.CloudWatch));
            invariants.Baseline(secret);
            secrets.Add(secret);
        }

        var faults = new SoakFaults(world.Sandbox.Faults, random);
        var outcomes = new Dictionary<string, int> { ["completed"] = 0, ["failed"] = 0, ["ended in an error"] = 0, ["resumed"] = 0, ["re-runs as advised"] = 0 };
        for (var i = 0; i < rotations; i++)
        {
            var secret = secrets[i % secrets.Count];
            var request = secret.ReRun ?? NewRequest(secret.Arn, random, working, broken);
            outcomes["re-runs as advised"] += secret.ReRun != null ? 1 : 0;
            SecretRotation? rotation = null;
            Exception? error = null;
            var pendingBefore = invariants.PendingOf(secret);
            faults.Arm();
            try
            {
                rotation = await secret.Runner.RotateAsync(request);
            }
            catch (Exception e) when (e is RunbookException or AwsServiceException)
            {
                error = e;
            }

            faults.Disarm();
            var pendingLeft = await invariants.CheckAsync(secret, pendingBefore, rotation, error);
            outcomes[rotation == null ? "ended in an error" : rotation.Status == RotationStatus.Completed ? "completed" : "failed"]++;
            if (rotation != null && !secret.DeploymentIds.Add(rotation.DeploymentId))
            {
                outcomes["resumed"]++;
            }

            secret.ReRun = pendingLeft ? AsAdvised(request, rotation, error, working) : null;
        }

        table.Add(Name, "rotations", $"{rotations} over {secrets.Count} secrets");
        foreach (var (kind, hits) in faults.Hits)
        {
            table.Add(Name, $"calls hit by {kind}", $"{hits}");
        }

        foreach (var (outcome, count) in outcomes)
        {
            table.Add(Name, $"rotations {outcome}", $"{count}");
        }

        table.Add(Name, "breaks: lost versions", $"{invariants.LostVersions}");
        table.Add(Name, "breaks: AWSCURRENT unreadable", $"{invariants.UnreadableCurrent}");
        table.Add(Name, "breaks: report differs from AWS", $"{invariants.Misreports}");
        table.Add(Name, "breaks: journal differs from AWS", $"{invariants.JournalMismatches}");
        table.Add(Name, "breaks: AWSPENDING left, no advice", $"{invariants.PendingWithoutAdvice}");
        table.Add(Name, "wall time, s", $"{wallTime.Elapsed.TotalSeconds:0.0}");
    }

    /// <summary>Four in ten rotations store a given value, three a generated password, three go through a rotation function.</summary>
    private static SecretRotationRequest NewRequest(string arn, Random random, string working, string broken)
    {
        var pick = random.Next(10);
        return pick switch
        {
            < 4 => new SecretRotationRequest
            {
                SecretId = arn,
                NewValue = NewSecretValue.Literal(SensitiveValue.FromString($"soak-{random.Next():x8}{random.Next():x8}"), jsonKey: "password"),
            },
            < 7 => new SecretRotationRequest
            {
                SecretId = arn,
                NewValue = NewSecretValue.Generated(new RandomPasswordRequest { PasswordLength = 32, ExcludePunctuation = true }, jsonKey: "password"),
            },
            _ => new SecretRotationRequest { SecretId = arn, RotationLambdaArn = random.Next(20) == 0 ? broken : working },
        };
    }

    /// <summary>
    /// What an operator runs after a failure that left AWSPENDING staged: the same command, which
    /// resumes it; with -Force when the message asks for it (a rotation function's half-made version
    /// is never promoted), through the working function (the operator fixed the broken one).
    /// </summary>
    private static SecretRotationRequest AsAdvised(SecretRotationRequest request, SecretRotation? rotation, Exception? error, string working)
    {
        var refused = error is RunbookException { ErrorId: "RotationInProgress" };
        var forceAdvised = request.Mode == RotationMode.Service && (rotation?.Message ?? error!.Message).Contains("-Force", StringComparison.Ordinal);
        return new SecretRotationRequest
        {
            SecretId = request.SecretId,
            NewValue = request.NewValue,
            RotationLambdaArn = request.Mode == RotationMode.Service ? working : null,
            Force = refused || forceAdvised,
        };
    }
}
