using System.Collections.Generic;

namespace RotationOps.Scenarios.Tests.Infrastructure;

/// <summary>One version of a secret as ListSecretVersionIds reports it: its id and its labels (none when deprecated).</summary>
public sealed record SecretVersionEntry(string VersionId, IReadOnlyList<string> VersionStages);
