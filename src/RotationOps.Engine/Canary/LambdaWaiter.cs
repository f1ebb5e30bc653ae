using System;
using System.Threading.Tasks;
using RotationOps.Engine.Errors;
using RotationOps.Engine.Hosting;
using RotationOps.Engine.Lambda;

namespace RotationOps.Engine.Canary
{
    /// <summary>
    /// The waits AWS's own waiters do (botocore FunctionUpdatedV2: every 1 s up to 300 times;
    /// PublishedVersionActive: every 5 s up to 312 times), on the host's clock, each with a
    /// progress bar of its own so an operator sees what a deployment is waiting for.
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

        /// <summary>Until $LATEST's LastUpdateStatus is Successful; Failed is an error with AWS's reason.</summary>
        public async Task<FunctionConfiguration> UntilUpdatedAsync(string functionName)
        {
            int activityId = ProgressUpdate.NextActivityId();
            string activity = $"Waiting for the update of {functionName}";
            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    var config = await _client.GetFunctionConfigurationAsync(functionName, null, _host.Cancellation).ConfigureAwait(false);
                    if (config.LastUpdateStatus == null || config.LastUpdateStatus == "Successful") return config;
                    if (config.LastUpdateStatus == "Failed")
                        throw new RunbookException("FunctionUpdateFailed", RunbookErrorCategory.InvalidResult,
                            $"The update of {functionName} failed: {config.LastUpdateStatusReasonCode} {config.LastUpdateStatusReason}", functionName);
                    if (attempt >= UpdateAttempts)
                        throw new RunbookException("FunctionUpdateTimeout", RunbookErrorCategory.OperationTimeout,
                            $"{functionName} was still updating (LastUpdateStatus {config.LastUpdateStatus}) after {UpdateAttempts} checks.", functionName);
                    _host.WriteVerbose($"{functionName}: LastUpdateStatus {config.LastUpdateStatus}; waiting");
                    Report(activityId, activity, $"LastUpdateStatus {config.LastUpdateStatus}", attempt, UpdateAttempts);
                    await _host.Time.Delay(UpdateInterval, _host.Cancellation).ConfigureAwait(false);
                }
            }
            finally
            {
                _host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
            }
        }

        /// <summary>Until a published version's State is Active; Failed is an error with AWS's reason.</summary>
        public async Task<FunctionConfiguration> UntilActiveAsync(string functionName, string version)
        {
            int activityId = ProgressUpdate.NextActivityId();
            string activity = $"Waiting for version {version} of {functionName} to become Active";
            try
            {
                for (int attempt = 1; ; attempt++)
                {
                    var config = await _client.GetFunctionConfigurationAsync(functionName, version, _host.Cancellation).ConfigureAwait(false);
                    if (config.State == null || config.State == "Active") return config;
                    if (config.State == "Failed" || config.State == "Inactive")
                        throw new RunbookException("VersionNotActive", RunbookErrorCategory.InvalidResult,
                            $"Version {version} of {functionName} is {config.State}: {config.StateReasonCode} {config.StateReason}", functionName);
                    if (attempt >= ActiveAttempts)
                        throw new RunbookException("VersionActivationTimeout", RunbookErrorCategory.OperationTimeout,
                            $"Version {version} of {functionName} was still {config.State} after {ActiveAttempts} checks.", functionName);
                    _host.WriteVerbose($"{functionName}:{version}: State {config.State}; waiting");
                    Report(activityId, activity, $"State {config.State}", attempt, ActiveAttempts);
                    await _host.Time.Delay(ActiveInterval, _host.Cancellation).ConfigureAwait(false);
                }
            }
            finally
            {
                _host.WriteProgress(new ProgressUpdate(activityId, activity, "Done") { Completed = true });
            }
        }

        /// <summary>The share of the waiter's checks used so far: AWS's waiters give up after a fixed count.</summary>
        private void Report(int activityId, string activity, string status, int attempt, int attempts) =>
            _host.WriteProgress(new ProgressUpdate(activityId, activity, $"{status} (check {attempt} of {attempts})")
            {
                PercentComplete = 100 * attempt / attempts,
            });
    }
}
