using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using RotationOps.HelpGen;
using RotationOps.Module.Tests.Infrastructure;
using Xunit.Sdk;

namespace RotationOps.Module.Tests.Rules;

/// <summary>
/// Whether "A | B" works: the objects A writes must fill, by property name (or by value), every
/// mandatory parameter of at least one of B's parameter sets that the command line leaves open.
/// Usage: <c>PipelineChain.AssertBinds("Invoke-SecretRotation", "Test-RotatedSecret");</c>
/// </summary>
public static class PipelineChain
{
    /// <param name="upstream">The cmdlet on the left of the pipe.</param>
    /// <param name="downstream">The cmdlet on the right.</param>
    /// <param name="outputType">Which of A's [OutputType]s is piped (full or short name); default: each of them.</param>
    /// <param name="given">Parameters of B written on the command line, e.g. "AliasName", "Weight".</param>
    public static void AssertBinds(string upstream, string downstream, string? outputType = null, params string[] given) =>
        AssertBinds(BuiltModule.Metadata, upstream, downstream, outputType, given);

    public static void AssertBinds(ModuleMetadata module, string upstream, string downstream, string? outputType = null, params string[] given)
    {
        var problems = Problems(Find(module, upstream), Find(module, downstream), outputType, given);
        if (problems.Count > 0)
        {
            throw new XunitException($"{upstream} | {downstream} does not bind:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>One sentence per piped type that binds to none of the downstream sets; empty when the chain works.</summary>
    public static IReadOnlyList<string> Problems(CmdletDescription upstream, CmdletDescription downstream, string? outputType, IReadOnlyCollection<string> given)
    {
        var piped = upstream.OutputTypes
            .Where(o => outputType is null || o.TypeName == outputType || o.Type?.Name == outputType)
            .ToList();
        if (piped.Count == 0)
        {
            return [$"{upstream.Name} declares no [OutputType] {(outputType is null ? "" : $"'{outputType}' ")}to pipe."];
        }

        var problems = new List<string>();
        foreach (var output in piped)
        {
            if (output.Type is null)
            {
                problems.Add($"{upstream.Name}'s [OutputType] '{output.TypeName}' does not resolve.");
                continue;
            }

            var gaps = downstream.ParameterSetNames.ToDictionary(set => set, set => Unfilled(downstream, set, output.Type, given));
            if (gaps.Values.All(g => g.Count > 0))
            {
                problems.Add($"{output.TypeName} fills no parameter set of {downstream.Name}: "
                    + string.Join("; ", gaps.Select(g => $"set '{g.Key}' lacks {string.Join(", ", g.Value)}")));
            }
        }

        return problems;
    }

    /// <summary>The mandatory parameters of a set that neither the command line nor the piped object fills.</summary>
    private static List<string> Unfilled(CmdletDescription downstream, string set, Type piped, IReadOnlyCollection<string> given)
    {
        var properties = piped.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return downstream.ParametersIn(set)
            .Where(x => x.Membership.Mandatory)
            .Where(x => !given.Any(x.Parameter.Answers))
            .Where(x => !(x.Membership.ValueFromPipelineByPropertyName && properties.Any(x.Parameter.Answers)))
            .Where(x => !(x.Membership.ValueFromPipeline && AcceptsByValue(x.Parameter.ParameterType, piped)))
            .Select(x => "-" + x.Parameter.Name + (x.Parameter.Aliases.Count > 0 ? $" (or {string.Join(", ", x.Parameter.Aliases)})" : ""))
            .ToList();
    }

    private static bool AcceptsByValue(Type parameterType, Type piped) =>
        parameterType.FullName is "System.Object" or "System.Management.Automation.PSObject"
        || parameterType.IsAssignableFrom(piped)
        || (parameterType.IsArray && parameterType.GetElementType()!.IsAssignableFrom(piped));

    private static CmdletDescription Find(ModuleMetadata module, string name) =>
        module.FindCmdlet(name) ?? throw new XunitException($"{name} is not a cmdlet in {module.Assembly.GetName().Name}.");
}
