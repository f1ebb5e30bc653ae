using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using RotationOps.Engine.Lambda;

namespace RotationOps.Commands.Completion;

/// <summary>
/// Completes -FunctionName from the first page of ListFunctions (Lambda has no name filter, so the
/// typed start is matched here); the tooltip shows runtime and last change.
/// </summary>
public sealed class FunctionNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        AwsCompletion.Complete(fakeBoundParameters, CompletionWord.Parse(wordToComplete),
            options => LambdaClient.Create(options, TimeProvider.System, null), "ListFunctions",
            async (client, cancellationToken) =>
            {
                var functions = await client.ListFunctionsAsync(AwsCompletion.PageSize, cancellationToken).ConfigureAwait(false);
                return functions.OrderBy(f => f.FunctionName, StringComparer.OrdinalIgnoreCase)
                    .Select(f => new CompletionItem(f.FunctionName, f.FunctionName, FunctionToolTip.Of(f)))
                    .ToList();
            });
}
