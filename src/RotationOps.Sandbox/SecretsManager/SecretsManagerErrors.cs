using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.SecretsManager;

/// <summary>
/// Every Secrets Manager error the Sandbox answers, in one place. Codes come from the service
/// model; texts are AWS's where AWS's are known (documentation, SDK issue reports), otherwise
/// written in the same style.
/// </summary>
internal static class SecretsManagerErrors
{
    public static AwsErrorException SecretNotFound() =>
        new("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");

    public static AwsErrorException ValueNotFoundForStage(string stage) =>
        new("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for staging label: {stage}");

    public static AwsErrorException ValueNotFoundForVersion(string versionId) =>
        new("ResourceNotFoundException", $"Secrets Manager can't find the specified secret value for VersionId: {versionId}");

    public static AwsErrorException StageNotOnVersion() =>
        new("ResourceNotFoundException", "You provided a VersionStage that is not associated to the provided VersionId.");

    public static AwsErrorException MarkedForDeletion() =>
        new("InvalidRequestException", "You can't perform this operation on the secret because it was marked for deletion.");

    public static AwsErrorException AlreadyMarkedForDeletion() =>
        new("InvalidRequestException", "You tried to perform the operation on a secret that's currently marked deleted.");

    public static AwsErrorException SecretExists(string name) =>
        new("ResourceExistsException", $"The operation failed because the secret {name} already exists.");

    public static AwsErrorException NameScheduledForDeletion() =>
        new("InvalidRequestException", "You can't create this secret because a secret with this name is already scheduled for deletion.");

    public static AwsErrorException InvalidName() =>
        new("ValidationException", "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");

    public static AwsErrorException TokenRequired() =>
        new("InvalidRequestException", "You must provide a ClientRequestToken value. We recommend a UUID-type value.");

    public static AwsErrorException TokenInUse(string token, string arn) =>
        new("ResourceExistsException", $"You can't use ClientRequestToken {token} because that value is already in use for a version of secret {arn}.");

    public static AwsErrorException TokenInUseForRotation(string token, string arn) =>
        new("InvalidRequestException", $"You can't use ClientRequestToken {token} because that value is already in use for a version of secret {arn}.");

    public static AwsErrorException BothValueKinds() =>
        new("InvalidParameterException", "You can't specify both a binary secret value and a string secret value in the same secret.");

    public static AwsErrorException NoValue() =>
        new("InvalidParameterException", "You must provide either SecretString or SecretBinary.");

    public static AwsErrorException PreviousRotationIncomplete() =>
        new("InvalidRequestException", "A previous rotation isn't complete. That rotation will be reattempted.");

    public static AwsErrorException NoRotationFunction() =>
        new("InvalidRequestException", "No Lambda rotation function ARN is associated with this secret.");

    public static AwsErrorException CannotInvokeRotationFunction() =>
        new("AccessDeniedException",
            "Secrets Manager cannot invoke the specified Lambda function. Ensure that the function policy grants access to the principal secretsmanager.amazonaws.com.");

    public static AwsErrorException InvalidRotationRules(string message) => new("InvalidParameterException", message);

    public static AwsErrorException RemoveFromVersionRequired(string stage, string holder) =>
        new("InvalidParameterException",
            $"The parameter RemoveFromVersionId can't be empty. Staging label {stage} is currently attached to version {holder}, so you must explicitly reference that version in RemoveFromVersionId.");

    public static AwsErrorException RemoveFromVersionMismatch(string stage) =>
        new("InvalidParameterException",
            $"When you move staging label {stage}, if you specify RemoveFromVersionId, it must be set to the version that currently has the staging label {stage}.");

    public static AwsErrorException StageNotAttached(string stage, string versionId) =>
        new("InvalidParameterException", $"The staging label {stage} isn't attached to version {versionId}.");

    public static AwsErrorException CannotOnlyRemoveCurrent() =>
        new("InvalidParameterException",
            "You can't remove the staging label AWSCURRENT from a version. Move it to another version with MoveToVersionId instead.");

    public static AwsErrorException MoveOrRemoveRequired() =>
        new("InvalidParameterException", "You must specify MoveToVersionId, RemoveFromVersionId, or both.");

    public static AwsErrorException VersionQuotaExceeded() =>
        new("LimitExceededException",
            "You have exceeded the maximum number of versions for this secret. Secrets Manager keeps about 100 deprecated versions and does not remove versions created in the last 24 hours; update the secret less often.");

    public static AwsErrorException InvalidNextToken() =>
        new("InvalidNextTokenException", "The NextToken value is invalid.");

    public static AwsErrorException PasswordTooShort() =>
        new("InvalidParameterException", "Password length is too short based on the required types.");

    public static AwsErrorException NoPasswordCharacters() =>
        new("InvalidParameterException", "The combination of exclusions leaves no characters to generate a password from.");

    public static AwsErrorException RecoveryWindowOutOfRange() =>
        new("InvalidParameterException", "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");

    public static AwsErrorException ForceDeleteWithRecoveryWindow() =>
        new("InvalidParameterException", "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");

    public static AwsErrorException UnknownOperation(string operation) =>
        new("UnknownOperationException", $"The operation {operation} is not supported by this Secrets Manager endpoint.");

    public static AwsErrorException Throttling() => new("ThrottlingException", "Rate exceeded");

    public static AwsErrorException InternalServiceError() =>
        new("InternalServiceError", "An error occurred on the server side.", 500);
}
