using System.Collections.Generic;

namespace RotationOps.Sandbox.Lambda;

/// <summary>A function as the inspector sees it. Environment variable values are left out: they may be secrets.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Arn">Unqualified function ARN.</param>
/// <param name="LastUpdateStatus">$LATEST's InProgress or Successful, on the virtual clock.</param>
/// <param name="Versions">$LATEST, then the published versions in order.</param>
/// <param name="Aliases">Aliases by name.</param>
public sealed record LambdaFunctionSnapshot(
    string Name,
    string Arn,
    string LastUpdateStatus,
    IReadOnlyList<LambdaVersionSnapshot> Versions,
    IReadOnlyList<LambdaAliasSnapshot> Aliases);
