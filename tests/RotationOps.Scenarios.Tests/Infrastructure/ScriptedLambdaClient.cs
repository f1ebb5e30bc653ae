using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Lambda;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>
/// A Lambda whose GetFunction answers follow a script, one a call (the last repeats), for states
/// the Sandbox never produces (an answer without LastUpdateStatus or State, a failed update).
/// Records every call by operation; an Invoke is refused as Lambda refuses an Inactive version.
/// Every other operation is not expected by the tests that use it.
/// </summary>
public sealed class ScriptedLambdaClient : ILambdaClient
{
    private readonly FunctionConfiguration[] _script;
    private readonly ConcurrentQueue<string> _calls = new ConcurrentQueue<string>();
    private int _next = -1;

    public ScriptedLambdaClient(params FunctionConfiguration[] script)
    {
        _script = script;
    }

    public AwsLocation Location { get; } = new AwsLocation("us-east-1", null);

    /// <summary>"Operation:qualifier" for every call, in order.</summary>
    public IReadOnlyList<string> Calls => _calls.ToArray();

    /// <summary>Called after each GetFunction answer is chosen, with the number of the call (from 1): e.g. to press Ctrl+C.</summary>
    public Action<int>? OnGetFunction { get; set; }

    /// <summary>A configuration with just these states; null leaves a field out, as an answer can.</summary>
    public static FunctionConfiguration State(string? state = null, string? lastUpdateStatus = null, string? reasonCode = null, string? reason = null) =>
        new FunctionConfiguration
        {
            FunctionName = "orders-api",
            State = state,
            StateReasonCode = reasonCode,
            StateReason = reason,
            LastUpdateStatus = lastUpdateStatus,
            LastUpdateStatusReasonCode = reasonCode,
            LastUpdateStatusReason = reason,
        };

    public Task<FunctionConfiguration> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        _calls.Enqueue("GetFunction:" + qualifier);
        int call = Interlocked.Increment(ref _next);
        OnGetFunction?.Invoke(call + 1);
        return Task.FromResult(_script[Math.Min(call, _script.Length - 1)]);
    }

    public Task<InvocationResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"Invoke:{request.Qualifier}:{request.InvocationType}");
        throw new AwsServiceException("lambda", "Invoke", "ResourceNotReadyException",
            "The function is inactive and its VPC connection is no longer available.", System.Net.HttpStatusCode.BadGateway, "req-invoke");
    }

    public Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken) =>
        Unexpected<FunctionConfiguration>("GetFunctionConfiguration");

    public Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken) =>
        Unexpected<FunctionConfiguration>("UpdateFunctionConfiguration");

    public Task<FunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken) =>
        Unexpected<FunctionConfiguration>("UpdateFunctionCode");

    public Task<FunctionConfiguration> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken) =>
        Unexpected<FunctionConfiguration>("PublishVersion");

    public Task<AliasConfiguration> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken) =>
        Unexpected<AliasConfiguration>("GetAlias");

    public Task<AliasConfiguration> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken) =>
        Unexpected<AliasConfiguration>("UpdateAlias");

    public Task<FunctionPolicy> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken) =>
        Unexpected<FunctionPolicy>("GetPolicy");

    public Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(int maxItems, CancellationToken cancellationToken) =>
        Unexpected<IReadOnlyList<FunctionConfiguration>>("ListFunctions");

    public Task<IReadOnlyList<AliasConfiguration>> ListAliasesAsync(string functionName, int maxItems, CancellationToken cancellationToken) =>
        Unexpected<IReadOnlyList<AliasConfiguration>>("ListAliases");

    public Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, int maxItems, CancellationToken cancellationToken) =>
        Unexpected<IReadOnlyList<FunctionConfiguration>>("ListVersionsByFunction");

    private Task<T> Unexpected<T>(string operation)
    {
        _calls.Enqueue(operation);
        throw new InvalidOperationException($"The waiter should not call {operation}.");
    }
}
