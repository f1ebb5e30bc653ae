using System.Collections.Generic;
using RotationOps.Sandbox.Protocols.RestJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>Lambda's restJson1 bindings, as the service model declares them (API version 2015-03-31).</summary>
internal static class LambdaRoutes
{
    public const string Prefix = "/2015-03-31/functions";

    public const string CreateFunction = "CreateFunction";
    public const string ListFunctions = "ListFunctions";
    public const string GetFunction = "GetFunction";
    public const string DeleteFunction = "DeleteFunction";
    public const string GetFunctionConfiguration = "GetFunctionConfiguration";
    public const string UpdateFunctionConfiguration = "UpdateFunctionConfiguration";
    public const string UpdateFunctionCode = "UpdateFunctionCode";
    public const string PublishVersion = "PublishVersion";
    public const string ListVersionsByFunction = "ListVersionsByFunction";
    public const string CreateAlias = "CreateAlias";
    public const string ListAliases = "ListAliases";
    public const string GetAlias = "GetAlias";
    public const string UpdateAlias = "UpdateAlias";
    public const string DeleteAlias = "DeleteAlias";
    public const string Invoke = "Invoke";
    public const string AddPermission = "AddPermission";
    public const string GetPolicy = "GetPolicy";
    public const string RemovePermission = "RemovePermission";

    /// <summary>The operation name a call that matches no binding is logged and fault-matched under.</summary>
    public const string Unknown = "Unknown";

    private const string Function = Prefix + "/{FunctionName}";

    public static IReadOnlyList<RestJsonRoute> All { get; } =
    [
        new("POST", Prefix, CreateFunction),
        // The model binds ListFunctions to "/2015-03-31/functions/"; current SDKs and the AWS CLI v2
        // send it without the slash, and Lambda answers both.
        new("GET", Prefix + "/", ListFunctions),
        new("GET", Prefix, ListFunctions),
        new("GET", Function, GetFunction),
        new("DELETE", Function, DeleteFunction),
        new("GET", Function + "/configuration", GetFunctionConfiguration),
        new("PUT", Function + "/configuration", UpdateFunctionConfiguration),
        new("PUT", Function + "/code", UpdateFunctionCode),
        new("POST", Function + "/versions", PublishVersion),
        new("GET", Function + "/versions", ListVersionsByFunction),
        new("POST", Function + "/aliases", CreateAlias),
        new("GET", Function + "/aliases", ListAliases),
        new("GET", Function + "/aliases/{Name}", GetAlias),
        new("PUT", Function + "/aliases/{Name}", UpdateAlias),
        new("DELETE", Function + "/aliases/{Name}", DeleteAlias),
        new("POST", Function + "/invocations", Invoke),
        new("POST", Function + "/policy", AddPermission),
        new("GET", Function + "/policy", GetPolicy),
        new("DELETE", Function + "/policy/{StatementId}", RemovePermission),
    ];
}
