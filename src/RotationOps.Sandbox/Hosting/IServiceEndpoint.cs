using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Faults;

namespace RotationOps.Sandbox.Hosting;

/// <summary>
/// One AWS service as the dispatcher sees it. Services are told apart by protocol — an
/// <c>X-Amz-Target</c> prefix, a REST path, or a form <c>Action</c> — so several can share one port.
/// </summary>
internal interface IServiceEndpoint
{
    /// <summary>The SigV4 signing name, also the service name fault rules match on.</summary>
    string ServiceName { get; }

    /// <summary>Whether the call is for this service; the body is already read, so a form <c>Action</c> can decide.</summary>
    bool Accepts(AwsRequest request);

    /// <summary>The operation the call names; <see cref="InvokeAsync"/> rejects names the service does not know.</summary>
    string OperationOf(AwsRequest request);

    /// <summary>The error this service answers when a caller is throttled.</summary>
    AwsErrorException Throttled();

    /// <summary>The error this service answers for an internal failure.</summary>
    AwsErrorException InternalFailure();

    /// <summary>
    /// The error this service answers when another change to the resource got there first (an
    /// injected <see cref="FaultKind.Conflict"/> or <see cref="FaultKind.PreconditionFailed"/>).
    /// Only Lambda has such answers; the fault injector refuses these kinds for other services.
    /// </summary>
    AwsErrorException ConcurrentChange(FaultKind kind, AwsRequest request) =>
        throw new NotSupportedException($"{ServiceName} has no {kind} answer.");

    /// <summary>Throws this service's throttling error when the operation's rate quota is spent.</summary>
    void EnforceQuota(string operation);

    Task InvokeAsync(string operation, AwsRequest request, HttpResponse response, CancellationToken cancellationToken);

    Task WriteErrorAsync(HttpResponse response, AwsErrorException error);
}
