using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;
using RotationOps.Engine.Lambda.Wire;

namespace RotationOps.Engine.Lambda;

/// <summary>
/// Lambda over restJson1 (/2015-03-31/functions/...), signed with SigV4 and retried by the shared
/// <see cref="AwsHttpInvoker"/> on throttling (429 TooManyRequestsException, honouring Retry-After),
/// 5xx, timeouts and resets — never on 409 ResourceConflictException or 412 PreconditionFailedException,
/// which mean "wait for the update in progress" or "someone else changed it": the caller decides.
/// </summary>
/// <remarks>
/// Resending a control-plane mutation after an ambiguous failure (timeout, reset, 5xx) cannot apply it
/// twice, so those are retried:
/// a RevisionId-guarded call (UpdateFunctionConfiguration, UpdateFunctionCode, PublishVersion,
/// UpdateAlias) that did take effect has moved the revision, so its duplicate fails 412 instead of
/// applying again; without a RevisionId the body states the complete target (PUT), or AWS makes the
/// duplicate harmless (PublishVersion with nothing changed returns the same version, a second
/// CreateAlias fails 409). Invoke is the exception: a second run of the function is a second effect,
/// so it is retried only when throttled, which Lambda answers before running anything.
/// </remarks>
public sealed class LambdaClient : AwsServiceClient, ILambdaClient
{
    private LambdaClient(AwsHttpInvoker invoker)
        : base(invoker)
    {
    }

    /// <summary>
    /// Resolves credentials, region and endpoint now, and reports them on <paramref name="verbose"/>.
    /// Retry waits run on <paramref name="time"/>; per-attempt timeouts on real time.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static ILambdaClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose) =>
        Create(options, time, verbose, AwsHttpTransport.Shared, null);

    /// <summary>For tests: a stub transport and a seeded jitter source.</summary>
    internal static LambdaClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose,
        HttpClient http, Random? jitter) =>
        new LambdaClient(AwsHttpInvoker.Connect(AwsService.Lambda, AwsRestJsonProtocol.ErrorParser, options, time, verbose, http, jitter));

    public Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken) =>
        CallAsync("GetFunctionConfiguration", Target(functionName, qualifier), HttpMethod.Get,
            LambdaPaths.Function(functionName, "configuration"), LambdaPaths.Qualifier(qualifier), null,
            LambdaResponses.Configuration, cancellationToken);

    public Task<FunctionConfiguration> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken) =>
        CallAsync("GetFunction", Target(functionName, qualifier), HttpMethod.Get,
            LambdaPaths.Function(functionName), LambdaPaths.Qualifier(qualifier), null,
            LambdaResponses.FunctionConfigurationOf, cancellationToken);

    public async Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        try
        {
            return await CallAsync("UpdateFunctionConfiguration", request.FunctionName, HttpMethod.Put,
                LambdaPaths.Function(request.FunctionName, "configuration"), null, LambdaRequestBodies.UpdateFunctionConfiguration(request),
                LambdaResponses.Configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (request.Environment != null)
        {
            throw EnvironmentRedaction.Redact(e, request.Environment.Values);
        }
    }

    public Task<FunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (request.ZipFile is null || request.ZipFile.Length == 0) throw new ArgumentException("UpdateFunctionCode needs a ZipFile.", nameof(request));
        return CallAsync("UpdateFunctionCode", request.FunctionName, HttpMethod.Put,
            LambdaPaths.Function(request.FunctionName, "code"), null, LambdaRequestBodies.UpdateFunctionCode(request),
            LambdaResponses.Configuration, cancellationToken);
    }

    public Task<FunctionConfiguration> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        return CallAsync("PublishVersion", request.FunctionName, HttpMethod.Post,
            LambdaPaths.Function(request.FunctionName, "versions"), null, LambdaRequestBodies.PublishVersion(request),
            LambdaResponses.Configuration, cancellationToken);
    }

    public Task<AliasConfiguration> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken) =>
        CallAsync("GetAlias", Target(functionName, aliasName), HttpMethod.Get, LambdaPaths.Alias(functionName, aliasName), null, null,
            LambdaResponses.Alias, cancellationToken);

    public Task<AliasConfiguration> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        return CallAsync("UpdateAlias", Target(request.FunctionName, request.Name), HttpMethod.Put,
            LambdaPaths.Alias(request.FunctionName, request.Name), null, LambdaRequestBodies.UpdateAlias(request),
            LambdaResponses.Alias, cancellationToken);
    }

    public async Task<InvocationResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        using (AwsHttpRequest http = AwsRestJsonProtocol.CreateRequest("Invoke", Target(request.FunctionName, request.Qualifier), HttpMethod.Post,
                   LambdaPaths.Function(request.FunctionName, "invocations"), LambdaPaths.Qualifier(request.Qualifier),
                   LambdaRequestBodies.Payload(request.Payload ?? Array.Empty<byte>())))
        {
            http.Headers["X-Amz-Invocation-Type"] = request.InvocationType;
            if (request.TailLog) http.Headers["X-Amz-Log-Type"] = "Tail";
            // A dry run only checks parameters and permissions, so nothing can happen twice.
            http.SafeToResend = string.Equals(request.InvocationType, "DryRun", StringComparison.Ordinal);
            return await Invoker.SendAsync(http, LambdaResponses.Invocation, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<FunctionPolicy> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken) =>
        CallAsync("GetPolicy", Target(functionName, qualifier), HttpMethod.Get, LambdaPaths.Function(functionName, "policy"),
            LambdaPaths.Qualifier(qualifier), null, LambdaResponses.Policy, cancellationToken);

    public Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(int maxItems, CancellationToken cancellationToken) =>
        CallAsync("ListFunctions", "", HttpMethod.Get, LambdaPaths.Functions, LambdaPaths.MaxItems(maxItems), null,
            LambdaResponses.FunctionList, cancellationToken);

    public Task<IReadOnlyList<AliasConfiguration>> ListAliasesAsync(string functionName, int maxItems, CancellationToken cancellationToken) =>
        CallAsync("ListAliases", functionName, HttpMethod.Get, LambdaPaths.Function(functionName, "aliases"), LambdaPaths.MaxItems(maxItems), null,
            LambdaResponses.AliasList, cancellationToken);

    public Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, int maxItems, CancellationToken cancellationToken) =>
        CallAsync("ListVersionsByFunction", functionName, HttpMethod.Get, LambdaPaths.Function(functionName, "versions"),
            LambdaPaths.MaxItems(maxItems), null, LambdaResponses.VersionList, cancellationToken);

    private async Task<T> CallAsync<T>(string operation, string targetId, HttpMethod method, string path, UrlEncodedText? query,
        SensitiveBufferWriter? body, AwsResponseReader<T> read, CancellationToken cancellationToken)
    {
        using (AwsHttpRequest request = AwsRestJsonProtocol.CreateRequest(operation, targetId, method, path, query, body))
            return await Invoker.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>"name:qualifier" for verbose lines, as Lambda writes qualified names.</summary>
    private static string Target(string functionName, string? qualifier) =>
        string.IsNullOrEmpty(qualifier) ? functionName : functionName + ":" + qualifier;
}
