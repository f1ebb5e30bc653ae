using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.SecretsManager;

namespace RotationOps.Commands.Completion;

/// <summary>Completes -SecretId from ListSecrets, filtered by AWS on the typed start of the name; the tooltip is the secret's description.</summary>
public sealed class SecretIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var word = CompletionWord.Parse(wordToComplete);
        return AwsCompletion.Complete(fakeBoundParameters, word, options => SecretsManagerClient.Create(options, TimeProvider.System, null),
            "ListSecrets " + word.ServerPrefix,
            async (client, cancellationToken) =>
            {
                var secrets = await client.ListSecretsAsync(word.ServerPrefix, AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return secrets.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(s => new CompletionItem(s.Name, s.Name, s.Description ?? s.Name))
                    .ToList();
            });
    }
}
