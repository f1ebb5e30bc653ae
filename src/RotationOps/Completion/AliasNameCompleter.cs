using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.Lambda;
using RotationOps.Engine.Text;

namespace RotationOps.Commands.Completion;

/// <summary>Completes -AliasName from ListAliases of the -FunctionName already typed; the tooltip shows where the alias routes.</summary>
public sealed class AliasNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string? functionName = AwsCompletion.Bound(fakeBoundParameters, "FunctionName");
        if (functionName is null) return Array.Empty<CompletionResult>();
        return AwsCompletion.Complete(fakeBoundParameters, CompletionWord.Parse(wordToComplete),
            options => LambdaClient.Create(options, TimeProvider.System, null), "ListAliases " + functionName,
            async (client, cancellationToken) =>
            {
                var aliases = await client.ListAliasesAsync(functionName, AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return aliases.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
                    .Select(a => new CompletionItem(a.Name, a.Name, Routing(a)))
                    .ToList();
            });
    }

    private static string Routing(AliasConfiguration alias)
    {
        string text = "version " + alias.FunctionVersion;
        foreach (var canary in alias.AdditionalVersionWeights)
            text += ", " + Percent.Of(canary.Value, 1) + " to version " + canary.Key;
        return string.IsNullOrEmpty(alias.Description) ? text : text + ": " + alias.Description;
    }
}
