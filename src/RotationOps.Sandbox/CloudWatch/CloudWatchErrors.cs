using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.CloudWatch;

/// <summary>
/// Every CloudWatch error the Sandbox answers. Codes are the awsQuery codes (what the CLI prints);
/// the awsJson reply derives its <c>__type</c> from them. Texts are AWS's where known (documentation,
/// SDK and tool issue reports), otherwise written in the same style.
/// </summary>
internal static class CloudWatchErrors
{
    public static AwsErrorException MissingParameter(string parameter) =>
        new("MissingParameter", $"The parameter {parameter} is required.");

    public static AwsErrorException InvalidParameterValue(string message) => new("InvalidParameterValue", message);

    public static AwsErrorException InvalidParameterCombination(string message) => new("InvalidParameterCombination", message);

    /// <summary>The request-validation error; several problems are reported together, one per line.</summary>
    public static AwsErrorException Validation(string message) => new("ValidationError", message);

    public static AwsErrorException ValueNotInSet(string parameter, string set) =>
        InvalidParameterValue($"The parameter {parameter} must be a value in the set [ {set} ].");

    public static AwsErrorException StartNotBeforeEnd() =>
        InvalidParameterValue("The parameter StartTime must be less than the parameter EndTime.");

    public static AwsErrorException TooManyDatapoints(long requested) =>
        InvalidParameterCombination(
            $"You have requested up to {requested} datapoints, which exceeds the limit of 1440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.");

    /// <summary>A feature AWS has and the Sandbox does not model; the text says so rather than pretending AWS refuses it.</summary>
    public static AwsErrorException NotSupportedBySandbox(string parameter, string what) =>
        InvalidParameterValue($"The RotationOps Sandbox does not support {what} (parameter {parameter}).");

    public static AwsErrorException AlarmNotFound(string name) => new("ResourceNotFound", $"Alarm {name} not found.", 404);

    public static AwsErrorException AlarmsNotFound(string names) => new("ResourceNotFound", $"The alarm(s) {names} could not be found.", 404);

    /// <summary>PutCompositeAlarm naming alarms that do not exist: AWS's text, as CloudFormation users report it.</summary>
    public static AwsErrorException RuleAlarmsMissing(string names) =>
        Validation($"Could not save the composite alarm as alarms [{names}] in the alarm rule do not exist");

    /// <summary>An AlarmRule that does not parse (the Sandbox's wording: AWS's own text is not documented).</summary>
    public static AwsErrorException InvalidAlarmRule(string problem) => Validation($"Error in alarm rule: {problem}.");

    /// <summary>A name taken by an alarm of the other kind (the Sandbox's wording): one name space holds both kinds.</summary>
    public static AwsErrorException AlarmKindConflict(string name, string existingKind) =>
        InvalidParameterCombination($"An alarm named {name} already exists as a {existingKind} alarm.");

    /// <summary>DeleteAlarms on an alarm a remaining composite alarm names (the Sandbox's wording), as AWS refuses to leave a rule dangling.</summary>
    public static AwsErrorException AlarmInUse(string name, string parents) =>
        Validation($"The alarm {name} cannot be deleted because the composite alarm(s) {parents} reference it in their alarm rule.");

    public static AwsErrorException InvalidNextToken() => new("InvalidNextToken", "The service couldn't process your request because the NextToken is invalid.");

    public static AwsErrorException InvalidFormat(string message) => new("InvalidFormat", message);

    public static AwsErrorException InvalidAction(string operation) =>
        new("InvalidAction", $"The action {operation} is not valid for this web service.");

    public static AwsErrorException Throttling() => new("Throttling", "Rate exceeded");

    public static AwsErrorException InternalFailure() => new("InternalServiceError", "An internal error occurred.", 500);

    /// <summary>The <c>__type</c> of an awsJson error: the service model's shape name for the query code.</summary>
    public static string JsonTypeOf(string code) => code switch
    {
        "InvalidParameterValue" => "InvalidParameterValueException",
        "MissingParameter" => "MissingRequiredParameterException",
        "InvalidParameterCombination" => "InvalidParameterCombinationException",
        "InternalServiceError" => "InternalServiceFault",
        "InvalidFormat" => "InvalidFormatFault",
        "LimitExceeded" => "LimitExceededFault",
        "Throttling" => "ThrottlingException",
        "InvalidAction" => "UnknownOperationException",
        _ => code,
    };
}
