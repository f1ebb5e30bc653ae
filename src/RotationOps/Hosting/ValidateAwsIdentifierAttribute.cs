using System.Management.Automation;
using RotationOps.Engine.Aws;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// Refuses, when the parameter is bound, a name or id AWS would refuse by its documented rules
/// (see <see cref="AwsIdentifiers"/>). PowerShell reports it as ParameterArgumentValidationError
/// naming the parameter, before the command runs, for typed and piped values alike.
/// </summary>
internal sealed class ValidateAwsIdentifierAttribute : ValidateArgumentsAttribute
{
    public ValidateAwsIdentifierAttribute(AwsIdentifierKind kind)
    {
        Kind = kind;
    }

    public AwsIdentifierKind Kind { get; }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object value = arguments is PSObject ps ? ps.BaseObject : arguments;
        // Null and empty are left to [ValidateNotNullOrEmpty], which says so in PowerShell's words.
        if (!(value is string text) || text.Length == 0) return;
        string? problem = AwsIdentifiers.Problem(Kind, text);
        if (problem != null) throw new ValidationMetadataException(problem);
    }
}
