using System.Net;
using RotationOps.Engine.Aws;

namespace RotationOps.Engine.Errors;

/// <summary>Maps an AWS error code to the category a PowerShell user filters on.</summary>
public static class AwsErrorCategories
{
    public static RunbookErrorCategory Categorize(AwsServiceException error)
    {
        if (error.IsNotFound) return RunbookErrorCategory.ObjectNotFound;
        if (error.IsAccessDenied) return RunbookErrorCategory.PermissionDenied;
        if (error.IsThrottling) return RunbookErrorCategory.LimitsExceeded;
        switch (error.ErrorCode)
        {
            case "InvalidParameterException":
            case "InvalidParameterValueException":
            case "InvalidParameterValue":
            case "ValidationException":
            case "MissingParameter":
                return RunbookErrorCategory.InvalidArgument;
            case "InvalidRequestException":
            case "ResourceConflictException":
            case "PreconditionFailedException":
                return RunbookErrorCategory.InvalidOperation;
            case "ResourceExistsException":
                return RunbookErrorCategory.ResourceExists;
        }
        if (error.StatusCode == null) return RunbookErrorCategory.ConnectionError;
        if ((int)error.StatusCode.Value >= 500 || error.StatusCode == HttpStatusCode.RequestTimeout)
            return RunbookErrorCategory.ResourceUnavailable;
        return RunbookErrorCategory.NotSpecified;
    }
}
