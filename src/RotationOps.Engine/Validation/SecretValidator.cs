using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Rotation;
using RotationOps.Engine.SecretsManager;
using RotationOps.Engine.Security;

namespace RotationOps.Engine.Validation;

/// <summary>
/// Test-RotatedSecret's engine: reads the secret (never changes it) and reports every check
/// with its evidence, so "rotation is configured but never happens" is diagnosed by name.
/// </summary>
public sealed class SecretValidator
{
    /// <summary>How far past NextRotationDate a rotation may run before it counts as overdue.</summary>
    private static readonly TimeSpan ScheduleGrace = TimeSpan.FromDays(1);

    private readonly ISecretsManagerClient _client;
    private readonly ILambdaClient? _lambda;
    private readonly ICloudWatchClient? _cloudWatch;
    private readonly IRunbookHost _host;

    /// <summary>Without Lambda and CloudWatch clients the Lambda-side checks are reported as skipped.</summary>
    public SecretValidator(ISecretsManagerClient client, IRunbookHost host, ILambdaClient? lambda = null, ICloudWatchClient? cloudWatch = null)
    {
        _client = client;
        _host = host;
        _lambda = lambda;
        _cloudWatch = cloudWatch;
    }

    public async Task<SecretValidation> ValidateAsync(SecretValidationRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.SecretId))
            throw RunbookException.InvalidParameter("SecretId", "give the name or ARN of a secret.");
        if (request.Staged && string.IsNullOrEmpty(request.ExpectedVersionId))
            throw RunbookException.InvalidParameter("VersionId", "a staged rotation is checked by its version: give -VersionId (piped rotations carry it).");
        if (request.ConsumerFunctionName == null && (request.ConsumerQualifier != null || request.ConsumerPayload != null))
            throw RunbookException.InvalidParameter(request.ConsumerQualifier != null ? "Qualifier" : "Payload",
                "it says how to call a consumer function, and no -FunctionName names one; add -FunctionName (e.g. -FunctionName orders-api -Qualifier LIVE), or leave it out.");
        if (request.MaxAge is TimeSpan maxAge && maxAge <= TimeSpan.Zero)
            throw RunbookException.InvalidParameter("MaxAge", "give a positive time span, e.g. 90.00:00:00 for 90 days.");

        var secret = await SecretLookup.DescribeAsync(_client, request.SecretId, _host.Cancellation).ConfigureAwait(false);
        var stages = new StageMap(secret.VersionIdsToStages);
        var checks = new List<SecretCheck>();
        void Add(string name, (CheckResult Result, string Detail) outcome) =>
            checks.Add(request.ExcludedChecks.Contains(name)
                ? new SecretCheck(name, CheckResult.Skipped, "excluded with -ExcludeCheck")
                : new SecretCheck(name, outcome.Result, outcome.Detail));

        using (var current = await TryReadAsync(secret.Arn, null, SecretStages.Current).ConfigureAwait(false))
        using (var previous = await TryReadAsync(secret.Arn, null, SecretStages.Previous).ConfigureAwait(false))
        using (var staged = request.Staged ? await TryReadAsync(secret.Arn, request.ExpectedVersionId, null).ConfigureAwait(false) : null)
        {
            if (staged == null)
            {
                Add(SecretCheckNames.CurrentReadable, CheckCurrent(current, request.ExpectedVersionId));
                Add(SecretCheckNames.NoPendingLeft, CheckPending(stages));
                Add(SecretCheckNames.PreviousKept, CheckPrevious(previous, stages, request.ExpectedPreviousVersionId));
                Add(SecretCheckNames.ValueChanged, CheckChanged(current, SecretStages.Current, previous, SecretStages.Previous));
            }
            else
            {
                // A rotation staged with -Pending: its version is judged, AWSCURRENT is the baseline.
                Add(SecretCheckNames.CurrentReadable, CheckCurrent(current, null));
                Add(SecretCheckNames.StagedReady, CheckStaged(staged, stages, request.ExpectedVersionId!));
                Add(SecretCheckNames.PreviousKept, (CheckResult.Skipped, $"a staged rotation has not moved {SecretStages.Previous} yet."));
                Add(SecretCheckNames.ValueChanged, CheckChanged(staged, SecretStages.Pending, current, SecretStages.Current));
            }
            var judged = staged ?? current;
            Add(SecretCheckNames.RequiredKeys, CheckKeys(judged, request.RequiredKeys, secret.Name));
            Add(SecretCheckNames.RotationEnabled, CheckEnabled(secret));
            Add(SecretCheckNames.RotationFunctionConfigured, CheckFunction(secret));
            Add(SecretCheckNames.NotOverdue, CheckOverdue(secret, request.MaxAge));
            if (request.Tester != null && !request.ExcludedChecks.Contains(SecretCheckNames.TestScript))
                Add(SecretCheckNames.TestScript, await RunTesterAsync(request.Tester, secret, judged, staged != null ? SecretStages.Pending : SecretStages.Current).ConfigureAwait(false));
        }
        if (_lambda != null && !request.ExcludedChecks.Contains(SecretCheckNames.RotationFunctionReady))
            Add(SecretCheckNames.RotationFunctionReady, await RotationFunctionCheck.RunAsync(_lambda, secret.RotationLambdaArn, _host.Cancellation).ConfigureAwait(false));
        if (request.ConsumerFunctionName != null && _lambda != null)
        {
            if (!request.ExcludedChecks.Contains(SecretCheckNames.ConsumerInvocation))
                Add(SecretCheckNames.ConsumerInvocation, await ConsumerChecks.InvokeAsync(_lambda, request, _host.Cancellation).ConfigureAwait(false));
            if (_cloudWatch != null && !request.ExcludedChecks.Contains(SecretCheckNames.ConsumerErrorRate))
                Add(SecretCheckNames.ConsumerErrorRate, await ConsumerChecks.ErrorRateAsync(_cloudWatch, request,
                    secret.LastRotatedDate ?? secret.LastChangedDate ?? secret.CreatedDate ?? _host.Time.GetUtcNow(), _host.Time.GetUtcNow(),
                    _host.Cancellation).ConfigureAwait(false));
        }

        return new SecretValidation
        {
            SecretId = secret.Arn,
            Name = secret.Name,
            // A staged rotation passes on its own version, so the next cmdlet canaries that one.
            VersionId = request.Staged ? request.ExpectedVersionId : stages.Current,
            PreviousVersionId = request.Staged ? stages.Current : stages.Previous,
            DeploymentId = request.DeploymentId,
            CheckedAt = _host.Time.GetUtcNow(),
            Checks = checks,
        };
    }

    private async Task<ReadOutcome> TryReadAsync(string secretArn, string? versionId, string? stage)
    {
        try
        {
            return new ReadOutcome(await _client.GetSecretValueAsync(secretArn, versionId, stage, _host.Cancellation).ConfigureAwait(false), null);
        }
        catch (AwsServiceException ex) when (!ex.IsThrottling)
        {
            return new ReadOutcome(null, ex);
        }
    }

    private static (CheckResult, string) CheckCurrent(ReadOutcome current, string? expectedVersionId)
    {
        if (current.Value == null)
            return (CheckResult.Failed, $"GetSecretValue({SecretStages.Current}) failed: {current.Error!.ErrorCode}: {current.Error.ServiceMessage}");
        if (expectedVersionId != null && current.Value.VersionId != expectedVersionId)
            return (CheckResult.Failed, $"{SecretStages.Current} is on version {current.Value.VersionId}, not on the rotated version {expectedVersionId}.");
        return (CheckResult.Passed, $"version {current.Value.VersionId} is readable ({current.Value.Value.Length} bytes, {(current.Value.Value.IsBinary ? "binary" : "string")}).");
    }

    private static (CheckResult, string) CheckPending(StageMap stages)
    {
        if (stages.Pending == null) return (CheckResult.Passed, $"no version carries {SecretStages.Pending}.");
        if (stages.Pending == stages.Current)
            return (CheckResult.Warning, $"{SecretStages.Pending} is left on the current version {stages.Current}: harmless, cleared by the next rotation.");
        return (CheckResult.Failed,
            $"{SecretStages.Pending} is on version {stages.Pending}, not on {SecretStages.Current} ({stages.Current}): a rotation is unfinished and blocks the next one.");
    }

    private static (CheckResult, string) CheckPrevious(ReadOutcome previous, StageMap stages, string? expectedPrevious)
    {
        if (stages.Previous == null)
            return expectedPrevious == null
                ? (CheckResult.Skipped, $"no version carries {SecretStages.Previous} (the secret has not been rotated yet).")
                : (CheckResult.Failed, $"no version carries {SecretStages.Previous}; the rotation should have left it on version {expectedPrevious}.");
        if (previous.Value == null)
            return (CheckResult.Failed, $"version {stages.Previous} carries {SecretStages.Previous} but cannot be read: {previous.Error!.ErrorCode}: {previous.Error.ServiceMessage}");
        if (expectedPrevious != null && stages.Previous != expectedPrevious)
            return (CheckResult.Warning, $"{SecretStages.Previous} is on version {stages.Previous}, not on {expectedPrevious} (the secret changed again since).");
        return (CheckResult.Passed, $"version {stages.Previous} is kept as {SecretStages.Previous} and readable (rollback target).");
    }

    private static (CheckResult, string) CheckChanged(ReadOutcome newer, string newerLabel, ReadOutcome older, string olderLabel)
    {
        if (newer.Value == null || older.Value == null)
            return (CheckResult.Skipped, $"needs both {newerLabel} and {olderLabel} readable.");
        // Hashes, not values, are compared: neither value is ever held as text here.
        bool same = newer.Value.Value.Sha256().SequenceEqual(older.Value.Value.Sha256());
        return same
            ? (CheckResult.Failed, $"{newerLabel} ({newer.Value.VersionId}) and {olderLabel} ({older.Value.VersionId}) hold the same value: the rotation did not change it.")
            : (CheckResult.Passed, $"{newerLabel} differs from {olderLabel} (SHA-256 compared).");
    }

    private static (CheckResult, string) CheckStaged(ReadOutcome staged, StageMap stages, string versionId)
    {
        if (staged.Value == null)
            return (CheckResult.Failed, $"staged version {versionId} cannot be read: {staged.Error!.ErrorCode}: {staged.Error.ServiceMessage}");
        return stages.Pending == versionId
            ? (CheckResult.Passed, $"version {versionId} is staged {SecretStages.Pending} and readable.")
            : (CheckResult.Failed, $"version {versionId} is not {SecretStages.Pending} any more (labels: {string.Join(", ", stages.StagesOf(versionId))}).");
    }

    private static (CheckResult, string) CheckKeys(ReadOutcome current, IReadOnlyList<string> requiredKeys, string secretName)
    {
        if (requiredKeys.Count == 0) return (CheckResult.Skipped, "no -RequiredKey given.");
        if (current.Value == null) return (CheckResult.Failed, $"{SecretStages.Current} cannot be read.");
        if (!SecretJson.IsObject(current.Value.Value)) return (CheckResult.Failed, $"{SecretStages.Current} is not a JSON object.");
        var missing = SecretJson.MissingKeys(current.Value.Value, requiredKeys, secretName);
        return missing.Count == 0
            ? (CheckResult.Passed, $"has {string.Join(", ", requiredKeys)}.")
            : (CheckResult.Failed, $"missing or empty: {string.Join(", ", missing)}.");
    }

    private static (CheckResult, string) CheckEnabled(SecretDescription secret)
    {
        if (secret.RotationEnabled == true)
            return (CheckResult.Passed, "automatic rotation is enabled" + DescribeRules(secret.RotationRules) + ".");
        return (CheckResult.Failed, secret.RotationEnabled == null
            ? "rotation was never configured on this secret, so Secrets Manager never rotates it. Configure it with Invoke-SecretRotation -RotationLambdaArn <arn> -AutomaticallyAfterDays <n>."
            : "rotation is turned off on this secret (cancelled or disabled), so Secrets Manager never rotates it. Re-enable it with Invoke-SecretRotation -RotationLambdaArn <arn>.");
    }

    private static (CheckResult, string) CheckFunction(SecretDescription secret) =>
        string.IsNullOrEmpty(secret.RotationLambdaArn)
            ? (CheckResult.Failed, "no rotation function is configured: Secrets Manager has nothing to invoke.")
            : (CheckResult.Passed, $"rotation function {secret.RotationLambdaArn}.");

    private (CheckResult, string) CheckOverdue(SecretDescription secret, TimeSpan? maxAge)
    {
        DateTimeOffset now = _host.Time.GetUtcNow();
        DateTimeOffset? last = secret.LastRotatedDate ?? secret.CreatedDate;
        TimeSpan? limit = maxAge;
        if (limit == null && secret.RotationRules?.AutomaticallyAfterDays is int days)
            limit = TimeSpan.FromDays(days) + ScheduleGrace;
        string lastText = secret.LastRotatedDate != null ? $"last rotated {secret.LastRotatedDate:u}" : $"never rotated (created {secret.CreatedDate:u})";

        if (limit != null && last != null && now - last > limit)
            return (CheckResult.Failed, $"{lastText}, {(now - last.Value).TotalDays:0} days ago: over the maximum age of {limit.Value.TotalDays:0.#} days.");
        if (secret.RotationEnabled == true && secret.NextRotationDate is DateTimeOffset next && now - next > ScheduleGrace)
            return (CheckResult.Failed, $"{lastText}; the next rotation was due {next:u} and has not happened: the rotation function is failing or cannot be invoked.");
        if (limit == null && secret.NextRotationDate == null)
            return (CheckResult.Skipped, $"{lastText}; no -MaxAge and no rotation schedule to judge by.");
        return (CheckResult.Passed, lastText + (secret.NextRotationDate != null ? $"; next due {secret.NextRotationDate:u}." : "."));
    }

    private async Task<(CheckResult, string)> RunTesterAsync(ISecretTester tester, SecretDescription secret, ReadOutcome current, string stage)
    {
        if (current.Value == null) return (CheckResult.Failed, $"{stage} cannot be read.");
        try
        {
            var outcome = await tester.TestAsync(new SecretTestInput(secret.Arn, secret.Name, current.Value.VersionId,
                stage, current.Value.Value), _host.Cancellation).ConfigureAwait(false);
            return (outcome.Passed ? CheckResult.Passed : CheckResult.Failed, outcome.Detail);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception ex)
        {
            return (CheckResult.Failed, "the test script threw: " + ex.Message);
        }
    }

    private static string DescribeRules(RotationRules? rules) =>
        rules?.ScheduleExpression != null ? $" ({rules.ScheduleExpression})" :
        rules?.AutomaticallyAfterDays != null ? $" (every {rules.AutomaticallyAfterDays} days)" : "";

    /// <summary>A read that may have failed; disposing it zeroes the value.</summary>
    private sealed class ReadOutcome : IDisposable
    {
        public ReadOutcome(SecretValue? value, AwsServiceException? error)
        {
            Value = value;
            Error = error;
        }

        public SecretValue? Value { get; }
        public AwsServiceException? Error { get; }

        public void Dispose() => Value?.Dispose();
    }
}
