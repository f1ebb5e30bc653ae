namespace RotationOps.Sandbox.Errors;

/// <summary>Errors every AWS service answers the same way, whatever the protocol.</summary>
internal static class CommonErrors
{
    public static AwsErrorException MissingAuthentication() =>
        new("MissingAuthenticationTokenException", "Missing Authentication Token", 400, ErrorOrigin.Authentication);

    public static AwsErrorException UnrecognizedClient() =>
        new("UnrecognizedClientException", "The security token included in the request is invalid.", 400, ErrorOrigin.Authentication);

    public static AwsErrorException InvalidSignature(string message) =>
        new("InvalidSignatureException", message, 400, ErrorOrigin.Authentication);

    public static AwsErrorException IncompleteSignature(string message) =>
        new("IncompleteSignatureException", message, 400, ErrorOrigin.Authentication);

    public static AwsErrorException Serialization(string message) =>
        new("SerializationException", message);

    /// <summary>The Coral request-validation error; <paramref name="detail"/> names the member and constraint.</summary>
    public static AwsErrorException Validation(string detail) =>
        new("ValidationException", "1 validation error detected: " + detail);
}
