using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.DynamoDb;

/// <summary>
/// Every DynamoDB error the Sandbox answers. Codes are the model's shape names; the awsJson1_0 reply
/// prefixes them with the namespace AWS sends (<see cref="JsonTypeOf"/>). Texts are AWS's where known
/// (documentation, SDK and emulator issue reports), otherwise written in the same style.
/// </summary>
internal static class DynamoDbErrors
{
    public static AwsErrorException TableNotFound(string table) =>
        new("ResourceNotFoundException", $"Requested resource not found: Table: {table} not found");

    /// <summary>What item operations answer for a missing table: no name, unlike DescribeTable.</summary>
    public static AwsErrorException ResourceNotFound() => new("ResourceNotFoundException", "Requested resource not found");

    public static AwsErrorException TableExists(string table) => new("ResourceInUseException", $"Table already exists: {table}");

    public static AwsErrorException ConditionalCheckFailed() => new("ConditionalCheckFailedException", "The conditional request failed");

    public static AwsErrorException Validation(string message) => new("ValidationException", message);

    public static AwsErrorException InvalidParameter(string detail) =>
        Validation($"One or more parameter values were invalid: {detail}");

    public static AwsErrorException KeyMismatch() => Validation("The provided key element does not match the schema");

    public static AwsErrorException MissingKey(string name) => InvalidParameter($"Missing the key {name} in the item");

    public static AwsErrorException KeyTypeMismatch(string name, string expected, string actual) =>
        InvalidParameter($"Type mismatch for key {name} expected: {expected} actual: {actual}");

    public static AwsErrorException EmptyKeyValue(string name, string kind) =>
        Validation($"One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {kind} value. Key: {name}");

    public static AwsErrorException ItemTooLarge() => Validation("Item size has exceeded the maximum allowed size");

    public static AwsErrorException UpdatedItemTooLarge() => Validation("Item size to update has exceeded the maximum allowed size");

    /// <summary>A problem with one of a request's expressions; <paramref name="kind"/> is e.g. <c>ConditionExpression</c>.</summary>
    public static AwsErrorException InvalidExpression(string kind, string detail) => Validation($"Invalid {kind}: {detail}");

    public static AwsErrorException UnusedValues(string keys) =>
        Validation($"Value provided in ExpressionAttributeValues unused in expressions: keys: {{{keys}}}");

    public static AwsErrorException UnusedNames(string keys) =>
        Validation($"Value provided in ExpressionAttributeNames unused in expressions: keys: {{{keys}}}");

    /// <summary>A feature AWS has and the Sandbox does not model; the text says so rather than pretending AWS refuses it.</summary>
    public static AwsErrorException NotSupportedBySandbox(string what) =>
        Validation($"The RotationOps Sandbox does not support {what}.");

    public static AwsErrorException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"The operation {operation} is not supported by this DynamoDB endpoint.");

    public static AwsErrorException Throttling() => new("ThrottlingException", "Rate of requests exceeds the allowed throughput.");

    public static AwsErrorException ThroughputExceeded() =>
        new("ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");

    public static AwsErrorException InternalServerError() => new("InternalServerError", "Internal server error", 500);

    /// <summary>
    /// The <c>__type</c> of an error: DynamoDB's own errors live in its model's namespace, the request
    /// layer's (validation, serialization, signatures, throttling) in Coral's.
    /// </summary>
    public static string JsonTypeOf(string code) => code switch
    {
        "ValidationException" => "com.amazon.coral.validate#ValidationException",
        "ThrottlingException" => "com.amazon.coral.availability#ThrottlingException",
        "SerializationException" or "UnknownOperationException" or "UnrecognizedClientException" or "InvalidSignatureException"
            or "IncompleteSignatureException" or "MissingAuthenticationTokenException" => "com.amazon.coral.service#" + code,
        _ => "com.amazonaws.dynamodb.v20120810#" + code,
    };
}
