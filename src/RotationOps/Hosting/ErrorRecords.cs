using System;
using System.Management.Automation;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Errors;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// Turns engine and AWS failures into ErrorRecords with stable ids (scripts match on
/// FullyQualifiedErrorId) and the categories users filter on.
/// </summary>
internal static class ErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target)
    {
        switch (exception)
        {
            case RunbookException runbook:
                var record = new ErrorRecord(runbook, runbook.ErrorId, Map(runbook.Category), runbook.Target ?? target);
                if (runbook.ParameterName != null)
                    record.ErrorDetails = new ErrorDetails(runbook.Message) { RecommendedAction = $"Check the -{runbook.ParameterName} parameter." };
                return record;
            case AwsConfigurationException configuration:
                return new ErrorRecord(configuration, "InvalidAwsConfiguration", ErrorCategory.InvalidArgument, target);
            case AwsServiceException aws:
                return new ErrorRecord(aws, aws.ErrorCode, Map(AwsErrorCategories.Categorize(aws)), target);
            case OperationCanceledException canceled:
                return new ErrorRecord(canceled, "OperationStopped", ErrorCategory.OperationStopped, target);
            default:
                return new ErrorRecord(exception, "UnexpectedError", ErrorCategory.NotSpecified, target);
        }
    }

    public static ErrorRecord Failure(string errorId, RunbookErrorCategory category, string message, object target) =>
        new ErrorRecord(new RunbookException(errorId, category, message), errorId, Map(category), target);

    private static ErrorCategory Map(RunbookErrorCategory category) =>
        (ErrorCategory)Enum.Parse(typeof(ErrorCategory), category.ToString());
}
