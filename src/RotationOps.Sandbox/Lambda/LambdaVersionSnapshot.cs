namespace RotationOps.Sandbox.Lambda;

/// <summary>One version of a function: configuration identity, state, behaviour and what it has served.</summary>
/// <param name="Version"><c>$LATEST</c> or the version number.</param>
/// <param name="State">Pending or Active, on the virtual clock.</param>
/// <param name="Runtime">Runtime identifier.</param>
/// <param name="Role">Execution role ARN.</param>
/// <param name="Description">Version description.</param>
/// <param name="CodeSha256">Base64 SHA-256 of the deployment package.</param>
/// <param name="RevisionId">Current revision.</param>
/// <param name="Behavior">Declared behaviour.</param>
/// <param name="Invocations">Invocations served (Invoke calls and traffic).</param>
/// <param name="Errors">Of those, the ones that failed.</param>
public sealed record LambdaVersionSnapshot(
    string Version,
    string State,
    string? Runtime,
    string Role,
    string Description,
    string CodeSha256,
    string RevisionId,
    LambdaBehavior Behavior,
    long Invocations,
    long Errors);
