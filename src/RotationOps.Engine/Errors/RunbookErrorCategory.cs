namespace RotationOps.Engine.Errors;

/// <summary>
/// The subset of PowerShell's ErrorCategory the engine reports, by the same names, so the
/// cmdlets map them one to one without the engine depending on System.Management.Automation.
/// </summary>
public enum RunbookErrorCategory
{
    InvalidArgument,
    InvalidOperation,
    ObjectNotFound,
    PermissionDenied,
    LimitsExceeded,
    ResourceUnavailable,
    ResourceBusy,
    OperationTimeout,
    OperationStopped,
    ConnectionError,
    ResourceExists,
    InvalidResult,
    NotSpecified,
}
