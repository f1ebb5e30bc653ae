using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Hosting;
using RotationOps.Sandbox.Protocols.AwsJson;
using RotationOps.Sandbox.SecretsManager.Operations;
using RotationOps.Sandbox.SecretsManager.Rotation;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Secrets Manager over awsJson1_1: <c>POST /</c> with <c>X-Amz-Target: secretsmanager.&lt;Operation&gt;</c>.
/// Each call first brings rotations up to date with the virtual clock, then runs under the store lock.
/// </summary>
internal sealed class SecretsManagerEndpoint(
    SecretStore store,
    RotationProcessor rotations,
    SecretsManagerQuotas quotas,
    TimeProvider clock,
    IEnumerable<ISecretsManagerOperation> operations) : IServiceEndpoint
{
    private const string TargetPrefix = "secretsmanager.";
    private readonly Dictionary<string, ISecretsManagerOperation> byName = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public string ServiceName => "secretsmanager";

    public bool Accepts(AwsRequest request) =>
        request.Headers["X-Amz-Target"].ToString().StartsWith(TargetPrefix, StringComparison.Ordinal);

    public string OperationOf(AwsRequest request) => request.Headers["X-Amz-Target"].ToString()[TargetPrefix.Length..];

    public AwsErrorException Throttled() => SecretsManagerErrors.Throttling();

    public AwsErrorException InternalFailure() => SecretsManagerErrors.InternalServiceError();

    public void EnforceQuota(string operation) => quotas.Enforce(operation);

    public async Task InvokeAsync(string operation, AwsRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(request.Method) || !byName.TryGetValue(operation, out var handler))
        {
            throw SecretsManagerErrors.UnknownOperation(operation);
        }

        var input = AwsJsonInput.Parse(request.Body);
        ReadOnlyMemory<byte> body;
        lock (store.Gate)
        {
            var now = clock.GetUtcNow();
            rotations.CatchUp(now);
            body = AwsJsonOutput.Render(output => handler.Execute(input, output, now));
        }

        await AwsJsonOutput.WriteAsync(response, StatusCodes.Status200OK, body);
    }

    public Task WriteErrorAsync(HttpResponse response, AwsErrorException error) => AwsJsonOutput.WriteErrorAsync(response, error);
}
