using System.Collections.Generic;
using System.Globalization;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Lambda;

/// <summary>
/// Every Lambda error the Sandbox answers, in one place. Codes and status codes come from the
/// service model (botocore <c>lambda/2015-03-31/service-2.json</c>); texts are AWS's where known.
/// </summary>
internal static class LambdaErrors
{
    private const string NotFound = "ResourceNotFoundException";
    private const string Conflict = "ResourceConflictException";
    private const string InvalidParameter = "InvalidParameterValueException";
    private const string Throttled = "TooManyRequestsException";
    private const string Internal = "ServiceException";

    /// <summary>The body member the model gives each error shape: most spell it <c>message</c>, two <c>Message</c>.</summary>
    public static string MessageMemberOf(string code) => code is NotFound or Internal ? "Message" : "message";

    public static bool IsThrottling(string code) => code == Throttled;

    public static AwsErrorException FunctionNotFound(string arn) => new(NotFound, $"Function not found: {arn}", 404);

    public static AwsErrorException AliasNotFound(string aliasArn) => new(NotFound, $"Cannot find alias arn: {aliasArn}", 404);

    public static AwsErrorException PolicyNotFound() => new(NotFound, "The resource you requested does not exist.", 404);

    public static AwsErrorException StatementNotFound(string statementId) =>
        new(NotFound, $"Statement {statementId} is not found in resource policy.", 404);

    public static AwsErrorException FunctionExists(string name) => new(Conflict, $"Function already exist: {name}", 409);

    public static AwsErrorException AliasExists(string aliasArn) => new(Conflict, $"Alias already exists: {aliasArn}", 409);

    public static AwsErrorException StatementExists(string statementId) =>
        new(Conflict, $"The statement id ({statementId}) provided already exists. Please provide a new statement id, or remove the existing statement.", 409);

    /// <summary>DeleteFunction on a version an alias points at or routes to; AWS lists the aliases in brackets, comma-separated.</summary>
    public static AwsErrorException VersionReferencedByAliases(IEnumerable<string> aliases) =>
        new(Conflict, $"Unable to delete version because the following aliases reference it: [{string.Join(", ", aliases)}]", 409);

    public static AwsErrorException UpdateInProgress(string arn) =>
        new(Conflict, $"The operation cannot be performed at this time. An update is in progress for resource: {arn}", 409);

    public static AwsErrorException NotActive(string state) =>
        new(Conflict, $"The operation cannot be performed at this time. The function is currently in the following state: {state}", 409);

    /// <summary>Invoke of an Inactive version: 502, and Lambda starts restoring it.</summary>
    public static AwsErrorException NotReady() =>
        new("ResourceNotReadyException", "The function is inactive and its resources are being restored. Wait for it to become Active and try again.", 502);

    public static AwsErrorException RevisionMismatch() =>
        new("PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id", 412);

    public static AwsErrorException CodeSha256Mismatch(string given, string current) =>
        new(InvalidParameter,
            $"CodeSHA256 ({given}) is different from current CodeSHA256 in $LATEST ({current}). Please try again with the CodeSHA256 in $LATEST.");

    public static AwsErrorException EnvironmentTooLarge() =>
        new(InvalidParameter,
            "Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.");

    public static AwsErrorException OnlyLatestSupported() =>
        new(InvalidParameter, "Current operation does not support versions other than $LATEST");

    public static AwsErrorException LatestNotDeletable() =>
        new(InvalidParameter, "$LATEST version cannot be deleted without deleting the function.");

    public static AwsErrorException AliasNotDeletable() => new(InvalidParameter, "Deletion of aliases is not currently supported.");

    public static AwsErrorException QualifierMismatch() =>
        new(InvalidParameter, "The derived qualifier from the function name does not match the specified qualifier.");

    public static AwsErrorException InvalidZip() =>
        new(InvalidParameter, "Could not unzip uploaded file. Please check your file, then try to upload again.");

    public static AwsErrorException ZipFileRequired() =>
        new(InvalidParameter, "The Sandbox stores no S3 objects or container images: pass the deployment package as ZipFile.");

    public static AwsErrorException InvalidMarker(string marker) => new(InvalidParameter, $"Invalid marker: {marker}");

    public static AwsErrorException TooManyRoutingVersions() =>
        new(InvalidParameter, "Number of items in AdditionalVersionWeights cannot be greater than 1");

    public static AwsErrorException LatestWithRouting() =>
        new(InvalidParameter, "$LATEST is not supported for an alias pointing to more than 1 version");

    public static AwsErrorException VersionAlreadyInRouting(string version) =>
        new(InvalidParameter, $"Invalid function version {version}. Function version {version} is already included in routing configuration.");

    public static AwsErrorException DifferentExecutionRoles() =>
        new(InvalidParameter, "Specified versions must be associated with the same execution role");

    // AWS documents the rule but not its text; this one is written in the style of the execution-role message.
    public static AwsErrorException DifferentDeadLetterConfigs() =>
        new(InvalidParameter, "Specified versions must be associated with the same dead letter config");

    public static AwsErrorException RoutingWeightOutOfRange(string version, double weight) =>
        CommonErrors.Validation(
            $"Value '{{{version}={weight.ToString(CultureInfo.InvariantCulture)}}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: "
            + "Map value must satisfy constraint: [Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]");

    public static AwsErrorException RoutingKeyInvalid(string version, double weight) =>
        CommonErrors.Validation(
            $"Value '{{{version}={weight.ToString(CultureInfo.InvariantCulture)}}}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: "
            + "Map keys must satisfy constraint: [Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]");

    public static AwsErrorException PatternMismatch(string member, string value, string pattern) =>
        CommonErrors.Validation($"Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy regular expression pattern: {pattern}");

    public static AwsErrorException InvalidRequestContent(string detail) =>
        new("InvalidRequestContentException", $"Could not parse request body into json: {detail}");

    public static AwsErrorException UnknownOperation(string method, string path) =>
        new("UnknownOperationException", $"No Lambda operation is bound to {method} {path}.", 404);

    public static AwsErrorException TooManyRequests() => new(Throttled, "Rate exceeded", 429);

    public static AwsErrorException ServiceException() => new(Internal, "An error occurred when calling the Lambda service.", 500);
}
