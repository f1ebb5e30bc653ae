using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Lambda;

/// <summary>
/// The Lambda operations RotationOps uses (restJson1, /2015-03-31/...), named after the AWS API
/// so the official AWSSDK.Lambda client could stand behind it in one adapter file. Failures
/// surface as <see cref="Aws.AwsServiceException"/> after the safe retries are spent.
/// </summary>
public interface ILambdaClient
{
    /// <summary>Where the calls go (region, named profile): output objects carry it on down the pipeline.</summary>
    Aws.AwsLocation Location { get; }

    /// <summary>GET /functions/{name}/configuration?Qualifier=</summary>
    Task<FunctionConfiguration> GetFunctionConfigurationAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>
    /// GET /functions/{name}?Qualifier= — the Configuration part of GetFunction's answer. Waiters
    /// poll this one: GetFunction has its own 100/s quota, where GetFunctionConfiguration spends the
    /// 15/s control-plane quota every deployment in the account shares.
    /// </summary>
    Task<FunctionConfiguration> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>PUT /functions/{name}/configuration; RevisionId-guarded when given.</summary>
    Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken);

    /// <summary>PUT /functions/{name}/code (ZipFile only; Publish=false).</summary>
    Task<FunctionConfiguration> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken);

    /// <summary>POST /functions/{name}/versions (201). Returns the existing version when nothing changed.</summary>
    Task<FunctionConfiguration> PublishVersionAsync(PublishVersionRequest request, CancellationToken cancellationToken);

    Task<AliasConfiguration> GetAliasAsync(string functionName, string aliasName, CancellationToken cancellationToken);

    /// <summary>PUT /functions/{name}/aliases/{alias}; RevisionId-guarded when given (412 PreconditionFailedException).</summary>
    Task<AliasConfiguration> UpdateAliasAsync(UpdateAliasRequest request, CancellationToken cancellationToken);

    /// <summary>POST /functions/{name}/invocations?Qualifier= (RequestResponse by default).</summary>
    Task<InvocationResult> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken);

    /// <summary>GET /functions/{name}/policy?Qualifier=; ResourceNotFoundException when the function has no policy.</summary>
    Task<FunctionPolicy> GetPolicyAsync(string functionName, string? qualifier, CancellationToken cancellationToken);

    /// <summary>GET /functions/?MaxItems= — the first page only (Lambda sends at most 50); Lambda has no name filter.</summary>
    Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(int maxItems, CancellationToken cancellationToken);

    /// <summary>GET /functions/{name}/aliases?MaxItems= — the first page only.</summary>
    Task<IReadOnlyList<AliasConfiguration>> ListAliasesAsync(string functionName, int maxItems, CancellationToken cancellationToken);

    /// <summary>GET /functions/{name}/versions?MaxItems= — the first page only, oldest first, $LATEST included.</summary>
    Task<IReadOnlyList<FunctionConfiguration>> ListVersionsByFunctionAsync(string functionName, int maxItems, CancellationToken cancellationToken);
}
