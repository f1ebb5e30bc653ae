using System;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.CloudWatch;
using RotationOps.Engine.Hosting;

namespace RotationOps.Engine.Rotation;

/// <summary>
/// Watches the rotation function's AWS/Lambda Errors while a service rotation is awaited, so a
/// broken function is reported within a minute or two instead of when -Timeout runs out. Errors
/// already counted in the minute the watch began (an earlier rotation's) are not held against this one.
/// Without CloudWatch access it says so once on -Verbose and the wait falls back to -Timeout alone.
/// A CloudWatch result that is not Complete is never read as a count: at the start it would make
/// an earlier rotation's errors look like this one's once CloudWatch answers in full, so the watch
/// does not start; later it is no evidence either way, and the next check reads again.
/// </summary>
internal sealed class RotationFunctionWatch
{
    /// <summary>At most one GetMetricData a half minute per rotation: metrics arrive per minute anyway.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(30);

    private readonly ICloudWatchClient _client;
    private readonly IRunbookHost _host;
    private readonly DateTimeOffset _since;
    private readonly double _baseline;
    private DateTimeOffset _nextCheck;
    private bool _unavailable;

    private RotationFunctionWatch(ICloudWatchClient client, IRunbookHost host, string functionName, DateTimeOffset since, double baseline)
    {
        _client = client;
        _host = host;
        FunctionName = functionName;
        _since = since;
        _baseline = baseline;
        _nextCheck = since + CheckEvery;
    }

    public string FunctionName { get; }

    /// <summary>A watch of <paramref name="functionName"/> from now, or null when CloudWatch cannot be read.</summary>
    public static async Task<RotationFunctionWatch?> StartAsync(ICloudWatchClient? client, IRunbookHost host, string functionName)
    {
        if (client == null) return null;
        var now = host.Time.GetUtcNow();
        try
        {
            var baseline = await RotationFunctionErrors.SinceAsync(client, functionName, now, now, CancellationToken.None).ConfigureAwait(false);
            if (baseline.IsKnown) return new RotationFunctionWatch(client, host, functionName, now, baseline.Errors);
            host.WriteVerbose($"Not watching {functionName}'s AWS/Lambda Errors: CloudWatch's answer was incomplete ({baseline.Gap}), so errors before this " +
                              "rotation could not be told from its own; a failing rotation function is noticed only at -Timeout.");
            return null;
        }
        catch (AwsServiceException ex)
        {
            host.WriteVerbose($"Not watching {functionName}'s AWS/Lambda Errors ({ex.ErrorCode}): a failing rotation function is noticed only at -Timeout.");
            return null;
        }
    }

    /// <summary>The errors the function has had since the watch began, when due for a check and CloudWatch answers in full; else 0.</summary>
    public async Task<double> NewErrorsAsync()
    {
        var now = _host.Time.GetUtcNow();
        if (_unavailable || now < _nextCheck) return 0;
        _nextCheck = now + CheckEvery;
        try
        {
            var count = await RotationFunctionErrors.SinceAsync(_client, FunctionName, _since, now, _host.Cancellation).ConfigureAwait(false);
            if (count.IsKnown) return Math.Max(0, count.Errors - _baseline);
            _host.WriteVerbose($"{FunctionName}'s AWS/Lambda Errors could not be read in full ({count.Gap}); checking again in {CheckEvery.TotalSeconds:0} s.");
            return 0;
        }
        catch (AwsServiceException ex)
        {
            _unavailable = true;
            _host.WriteVerbose($"Stopped watching {FunctionName}'s AWS/Lambda Errors ({ex.ErrorCode}); waiting for -Timeout alone.");
            return 0;
        }
    }
}
