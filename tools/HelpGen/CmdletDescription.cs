using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace RotationOps.HelpGen;

/// <summary>A cmdlet class as PowerShell sees it: its [Cmdlet], [OutputType] and parameters.</summary>
public sealed record CmdletDescription(
    Type Type,
    string Verb,
    string Noun,
    bool SupportsShouldProcess,
    string? DefaultParameterSetName,
    string? HelpUri,
    IReadOnlyList<OutputTypeDeclaration> OutputTypes,
    IReadOnlyList<ParameterDescription> Parameters)
{
    public string Name => $"{Verb}-{Noun}";

    /// <summary>The parameter sets a user can be in: the named ones, or the one implicit set.</summary>
    public IReadOnlyList<string> ParameterSetNames
    {
        get
        {
            var named = Parameters.SelectMany(p => p.Sets).Select(s => s.SetName)
                .Where(n => n != ParameterSetMembership.AllSets)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return named.Count > 0 ? named : [ParameterSetMembership.AllSets];
        }
    }

    /// <summary>The parameters a user is shown in <paramref name="setName"/>, with their settings there (hidden memberships left out).</summary>
    public IEnumerable<(ParameterDescription Parameter, ParameterSetMembership Membership)> ParametersIn(string setName) =>
        Parameters.Select(p => (p, p.MembershipIn(setName))).Where(x => x.Item2 is { DontShow: false })!;

    public ParameterDescription? FindParameter(string nameOrAlias) =>
        Parameters.FirstOrDefault(p => p.Answers(nameOrAlias));
}

/// <summary>One [OutputType] entry; <see cref="Type"/> is null when the declared type cannot be resolved.</summary>
public sealed record OutputTypeDeclaration(string TypeName, Type? Type, IReadOnlyList<string> ParameterSetNames);

/// <summary>A public property carrying one or more [Parameter] attributes.</summary>
public sealed record ParameterDescription(
    PropertyInfo Property,
    Type ParameterType,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<ParameterSetMembership> Sets)
{
    public string Name => Property.Name;

    public bool IsSwitch => ParameterType.FullName == "System.Management.Automation.SwitchParameter";

    public bool Answers(string nameOrAlias) =>
        string.Equals(Name, nameOrAlias, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, nameOrAlias, StringComparison.OrdinalIgnoreCase));

    /// <summary>The [Parameter] that applies in a set: the set's own, else the all-sets one.</summary>
    public ParameterSetMembership? MembershipIn(string setName) =>
        Sets.FirstOrDefault(s => string.Equals(s.SetName, setName, StringComparison.OrdinalIgnoreCase))
        ?? Sets.FirstOrDefault(s => s.SetName == ParameterSetMembership.AllSets);

    /// <summary>
    /// The sets the parameter is documented in. A hidden (DontShow) membership only lets a clash
    /// bind so the cmdlet can explain it; help shows the parameter where it is meant to be used.
    /// </summary>
    public IReadOnlyList<ParameterSetMembership> ShownSets => Sets.Where(s => !s.DontShow).ToList();
}

/// <summary>One [Parameter] attribute: how a parameter behaves in one parameter set.</summary>
public sealed record ParameterSetMembership(
    string SetName,
    bool Mandatory,
    int? Position,
    bool ValueFromPipeline,
    bool ValueFromPipelineByPropertyName,
    string? HelpMessage,
    bool DontShow)
{
    /// <summary>PowerShell's name for "every parameter set" (ParameterAttribute.AllParameterSets).</summary>
    public const string AllSets = "__AllParameterSets";
}
