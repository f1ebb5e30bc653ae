using System;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary;

/// <summary>
/// The waits AWS's own waiters do, with their acceptors, on the host's clock, each with a progress
/// bar of its own so an operator sees what a deployment is waiting for. Both poll GetFunction, as
/// botocore's FunctionUpdatedV2 and FunctionActiveV2 do: it has its own 100/s quota, where
/// GetFunctionConfiguration would spend the 15/s control-plane quota shared by every deployment in
/// the account. Cadences are botocore's: updates every 1 s up to 300 times, published versions
/// every 5 s up to 312 times (PublishedVersionActive).
/// </summary>
internal sealed class LambdaWaiter
{
    private static readonly TimeSpan UpdateInterval = TimeSpan.FromSeconds(1);
    private const int UpdateAttempts = 300;
    private static readonly TimeSpan ActiveInterval = TimeSpan.FromSeconds(5);
    private const int ActiveAttempts = 312;

    private readonly ILambdaClient _client;
    private readonly IRunbookHost _host;

    public LambdaWaiter(ILambdaClient client, IRunbookHost host)
    {
        _client = client;
        _host = host;
    }

    /// <summary>
    /// Until $LATEST's LastUpdateStatus is Successful; Failed is an error with AWS's reason.
    /// InProgress and an answer without the field both keep polling: a missing status is no
    /// evidence that the update finished.
    /// </summary>
    public Task<FunctionConfiguration> UntilUpdatedAsync(string functionName) => PollAsync(
        $"Waiting for the update of {functionName}", functionName, UpdateInterval, UpdateAttempts,
        () => _client.GetFunctionAsync(functionName, null, _host.Cancellation),
        config => Task.FromResult(config.LastUpdateStatus switch
        {
            "Successful" => true,
            "Failed" => throw new RunbookException("FunctionUpdateFailed", RunbookErrorCategory.InvalidResult,
                $"The update of {functionName} failed: {config.LastUpdateStatusReasonCode} {config.LastUpdateStatusReason}", functionName),
            _ => false,
        }),
        config => $"LastUpdateStatus {config.LastUpdateStatus ?? "not reported yet"}",
        config => new RunbookException("FunctionUpdateTimeout", RunbookErrorCategory.OperationTimeout,
            $"{functionName} was still updating (LastUpdateStatus {config.LastUpdateStatus ?? "not reported"}) after {UpdateAttempts} checks.", functionName));

    /// <summary>
    /// Until a published version's State is Active; Failed is an error with AWS's reason. Pending
    /// and an answer without a state keep polling. An Inactive version (idle long enough for Lambda
    /// to reclaim its resources) is reactivated once — see <see cref="ReactivateAsync"/> — and
    /// waited for; Inactive again after Lambda tried to restore it is an error.
    /// </summary>
    public Task<FunctionConfiguration> UntilActiveAsync(string functionName, string version)
    {
        bool reactivated = false;
        bool restoring = false;
        return PollAsync(
            $"Waiting for version {version} of {functionName} to become Active", $"{functionName}:{version}", ActiveInterval, ActiveAttempts,
            () => _client.GetFunctionAsync(functionName, version, _host.Cancellation),
            async config =>
            {
                switch (config.State)
                {
                    case "Active":
                        return true;
                    case "Failed":
                        throw new RunbookException("VersionNotActive", RunbookErrorCategory.InvalidResult,
                            $"Version {version} of {functionName} is Failed: {config.StateReasonCode} {config.StateReason}", functionName);
                    case "Inactive" when restoring:
                        // Lambda sets a version back to Inactive when it cannot recreate its resources.
                        throw new RunbookException("VersionNotActive", RunbookErrorCategory.InvalidResult,
                            $"Version {version} of {functionName} went back to Inactive: Lambda could not restore it ({config.StateReasonCode} {config.StateReason}).", functionName);
                    case "Inactive" when !reactivated:
                        await ReactivateAsync(functionName, version, config).ConfigureAwait(false);
                        reactivated = true;
                        return false;
                    case "Inactive":
                        // Invoked, but the answer does not show the restore yet.
                        return false;
                    default:
                        // Pending, or no state reported.
                        restoring |= reactivated;
                        return false;
                }
            },
            config => $"State {config.State ?? "not reported yet"}",
            config => new RunbookException("VersionActivationTimeout", RunbookErrorCategory.OperationTimeout,
                $"Version {version} of {functionName} was still {config.State ?? "without a state"} after {ActiveAttempts} checks.", functionName));
    }

    /// <summary>
    /// Lambda restores an Inactive version when it is invoked: that invocation is refused (no code
    /// runs) and the version turns Pending, then Active. Published versions cannot be updated, so
    /// an invocation is the only way back. A dry run would be safer still, but AWS does not
    /// document it as reactivating. The invocation is an AWS call like any change, so it is asked
    /// for with ShouldProcess; declined, the wait stops with the command the user can run instead.
    /// </summary>
    private async Task ReactivateAsync(string functionName, string version, FunctionConfiguration config)
    {
        string target = $"{functionName}:{version}";
        if (!_host.ShouldProcess(target, "Invoke the Inactive version once so that Lambda restores it (Lambda refuses that invocation; no code runs)"))
            throw new RunbookException("VersionInactive", RunbookErrorCategory.InvalidOperation,
                $"Version {version} of {functionName} is Inactive ({config.StateReasonCode} {config.StateReason}) and was not reactivated. " +
                "Run the same command again and approve the invocation: it reads the state first and invokes only a version still Inactive. " +
                $"By hand, check first that it is still Inactive (aws lambda get-function --function-name {functionName} --qualifier {version} --query Configuration.State), " +
                $"and only then invoke it once (aws lambda invoke --function-name {functionName} --qualifier {version} out.json): Lambda refuses that call and restores the version, " +
                "but the same call to a version that is Active again runs the function.", functionName);
        _host.WriteWarning($"Version {version} of {functionName} is Inactive ({config.StateReasonCode}): invoking it once so that Lambda restores it.");
        try
        {
            var result = await _client.InvokeAsync(new InvokeRequest { FunctionName = functionName, Qualifier = version }, _host.Cancellation).ConfigureAwait(false);
            _host.WriteVerbose($"{target}: the reactivating invocation answered {result.StatusCode}; waiting for Active.");
        }
        catch (AwsServiceException ex)
        {
            // The expected answer: Lambda refuses to run an Inactive version while it restores it.
            _host.WriteVerbose($"{target}: the reactivating invocation was refused ({ex.ErrorCode}), as Lambda does while it restores the version; waiting for Active.");
        }
    }

    /// <summary>
    /// Reads until <paramref name="accept"/> says done; it throws for a failure state. Running out of
    /// checks is an error. Progress shows the share of the waiter's checks used so far: AWS's
    /// waiters give up after a fixed count, and so does this one.
    /// </summary>
    private async Task<FunctionConfiguration> PollAsync(string activity, string target, TimeSpan interval, int attempts,
        Func<Task<FunctionConfiguration>> read, Func<FunctionConfiguration, Task<bool>> accept, Func<FunctionConfiguration, string> describe,
        Func<FunctionConfiguration, RunbookException> timedOut)
    {
        int activityId = ProgressUpdate.NextActivityId();
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                var config = await read().ConfigureAwait(false);
                if (await accept(config).ConfigureAwait(false)) return config;
                if (attempt >= attempts) throw timedOut(config);
                string state = describe(config);
                _host.WriteVerbose($"{target}: {state}; waiting");
                _host.WriteProgress(new ProgressUpdate(activityId, activity, $"{state} (check {attempt} of {attempts})")
                {
                    PercentComplete = 100 * attempt / attempts,
                });
                await _host.Time.Delay(interval, _host.Cancellation).ConfigureAwait(false);
            }
        }
        finally
        {
            _host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
        }
    }
}
