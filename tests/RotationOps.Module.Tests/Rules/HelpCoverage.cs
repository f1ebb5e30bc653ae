using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using RotationOps.HelpGen;

namespace RotationOps.Module.Tests.Rules;

/// <summary>Every cmdlet has a synopsis and a description in the MAML, and every parameter has text.</summary>
public static class HelpCoverage
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    public static IEnumerable<string> Violations(XDocument help, IEnumerable<CmdletDescription> cmdlets)
    {
        var commands = help.Descendants(Command + "command")
            .ToDictionary(c => (string?)c.Element(Command + "details")?.Element(Command + "name") ?? "");
        foreach (var cmdlet in cmdlets)
        {
            if (!commands.TryGetValue(cmdlet.Name, out var command))
            {
                yield return $"{cmdlet.Name}: not in the help file.";
                continue;
            }

            if (!HasText(command.Element(Command + "details")?.Element(Maml + "description")))
            {
                yield return $"{cmdlet.Name}: no synopsis (<para type=\"synopsis\"> or <summary> on {cmdlet.Type.Name}).";
            }

            if (!HasText(command.Element(Maml + "description")))
            {
                yield return $"{cmdlet.Name}: no description (<para type=\"description\">, <remarks> or <summary> on {cmdlet.Type.Name}).";
            }

            var documented = command.Element(Command + "parameters")?.Elements(Command + "parameter")
                .Where(p => HasText(p.Element(Maml + "description")))
                .Select(p => (string?)p.Element(Maml + "name"))
                .ToHashSet() ?? [];
            foreach (var parameter in cmdlet.Parameters.Where(p => !documented.Contains(p.Name)))
            {
                yield return $"{cmdlet.Name}: -{parameter.Name} has no help text (/// comment on {parameter.Property.DeclaringType!.Name}.{parameter.Name}, or HelpMessage).";
            }
        }
    }

    private static bool HasText(XElement? description) =>
        description?.Elements(Maml + "para").Any(p => p.Value.Trim().Length > 0) == true;
}
