using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.HelpGen;

namespace RotationOps.Module.Tests.Rules;

/// <summary>
/// The rules every RotationOps cmdlet keeps. Each returns its violations as sentences naming the
/// cmdlet, so one failing test lists every offender at once.
/// </summary>
public static class CmdletContract
{
    /// <summary>The parameters DESIGN.md puts on every cmdlet, and the type each must have (null: any).</summary>
    private static readonly (string Name, string? Type)[] CommonAwsParameters =
    [
        ("Region", null),
        ("ProfileName", null),
        ("EndpointUrl", null),
        ("Credential", "System.Management.Automation.PSCredential"),
    ];

    public static readonly IReadOnlyDictionary<string, Func<CmdletDescription, IEnumerable<string>>> Rules =
        new Dictionary<string, Func<CmdletDescription, IEnumerable<string>>>
        {
            ["IsSealed"] = IsSealed,
            ["UsesApprovedVerb"] = UsesApprovedVerb,
            ["DeclaresRealOutputType"] = DeclaresRealOutputType,
            ["MutatingVerbSupportsShouldProcess"] = MutatingVerbSupportsShouldProcess,
            ["EveryParameterSetIsReachable"] = ParameterSetReachability.Violations,
            ["BindsFromPipelineByPropertyName"] = BindsFromPipelineByPropertyName,
            ["HasCommonAwsParameters"] = HasCommonAwsParameters,
        };

    public static IEnumerable<string> IsSealed(CmdletDescription cmdlet)
    {
        if (!cmdlet.Type.IsSealed)
        {
            yield return $"{cmdlet.Name}: {cmdlet.Type.FullName} is not sealed.";
        }
    }

    public static IEnumerable<string> UsesApprovedVerb(CmdletDescription cmdlet)
    {
        if (!ApprovedVerbs.All.Contains(cmdlet.Verb))
        {
            yield return $"{cmdlet.Name}: '{cmdlet.Verb}' is not an approved verb (Import-Module would warn).";
        }
    }

    public static IEnumerable<string> DeclaresRealOutputType(CmdletDescription cmdlet)
    {
        if (cmdlet.OutputTypes.Count == 0)
        {
            yield return $"{cmdlet.Name}: no [OutputType].";
        }

        foreach (var output in cmdlet.OutputTypes)
        {
            if (output.Type is null)
            {
                yield return $"{cmdlet.Name}: [OutputType] '{output.TypeName}' names no type the module can see.";
            }
            else if (output.Type.FullName is "System.Object" or "System.Management.Automation.PSObject")
            {
                yield return $"{cmdlet.Name}: [OutputType({output.Type.Name})] says nothing about what is written.";
            }
            else if (!output.Type.IsPublic && !output.Type.IsNestedPublic)
            {
                yield return $"{cmdlet.Name}: [OutputType] {output.Type.FullName} is not public.";
            }
        }
    }

    public static IEnumerable<string> MutatingVerbSupportsShouldProcess(CmdletDescription cmdlet)
    {
        if (!ApprovedVerbs.ReadOnly.Contains(cmdlet.Verb) && !cmdlet.SupportsShouldProcess)
        {
            yield return $"{cmdlet.Name}: '{cmdlet.Verb}' may change things, but SupportsShouldProcess is not true (no -WhatIf/-Confirm).";
        }
    }

    public static IEnumerable<string> BindsFromPipelineByPropertyName(CmdletDescription cmdlet)
    {
        if (!cmdlet.Parameters.Any(p => p.Sets.Any(s => s.ValueFromPipelineByPropertyName)))
        {
            yield return $"{cmdlet.Name}: no parameter has ValueFromPipelineByPropertyName, so the previous cmdlet's objects cannot bind.";
        }
    }

    public static IEnumerable<string> HasCommonAwsParameters(CmdletDescription cmdlet)
    {
        foreach (var (name, type) in CommonAwsParameters)
        {
            var parameter = cmdlet.Parameters.FirstOrDefault(p => p.Name == name);
            if (parameter is null)
            {
                yield return $"{cmdlet.Name}: no -{name}.";
                continue;
            }

            if (type is not null && parameter.ParameterType.FullName != type)
            {
                yield return $"{cmdlet.Name}: -{name} is {parameter.ParameterType.FullName}, not {type}.";
            }

            if (parameter.Sets.Any(s => s.Mandatory))
            {
                yield return $"{cmdlet.Name}: -{name} is mandatory; it must fall back to the AWS SDK chain.";
            }
        }
    }
}
