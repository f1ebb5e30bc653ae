using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Commands.Completion;

/// <summary>
/// Completes a secret version id (-VersionId, -ToVersionId, ...) from ListSecretVersionIds of the
/// -SecretId already typed, newest first, each shown with its staging labels.
/// </summary>
public sealed class SecretVersionIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? secretId = AwsCompletion.Bound(fakeBoundParameters, "SecretId");
        if (secretId is null) return Array.Empty<CompletionResult>();
        return AwsCompletion.Complete(fakeBoundParameters, CompletionWord.Parse(wordToComplete),
            options => SecretsManagerClient.Create(options, TimeProvider.System, null), "ListSecretVersionIds " + secretId,
            async (client, cancellationToken) =>
            {
                var versions = await client.ListSecretVersionIdsAsync(secretId, AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return versions.OrderByDescending(v => v.CreatedDate).Select(Item).ToList();
            });
    }

    private static CompletionItem Item(SecretVersionEntry version)
    {
        string stages = string.Join(", ", version.VersionStages);
        string created = version.CreatedDate?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "unknown";
        return new CompletionItem(version.VersionId,
            stages.Length == 0 ? version.VersionId : $"{version.VersionId} ({stages})",
            (stages.Length == 0 ? "no staging label" : stages) + ", created " + created);
    }
}
