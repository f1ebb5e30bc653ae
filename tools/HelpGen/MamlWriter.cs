using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;

namespace RotationOps.HelpGen;

/// <summary>
/// Writes the MAML file Get-Help reads for binary cmdlets (en-US/&lt;assembly&gt;.dll-Help.xml):
/// synopsis, description and parameter text from the /// comments (see <see cref="DocComments"/>),
/// a parameter's HelpMessage when it has no comment, examples from &lt;example&gt;, and syntax
/// from the metadata.
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The conceptual topic every cmdlet's RELATED LINKS point to.</summary>
    private const string AboutTopic = "about_RotationOps";

    public static XDocument Build(IReadOnlyList<CmdletDescription> cmdlets, DocComments docs) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), cmdlets.Select(c => CommandElement(c, cmdlets, docs))));

    private static XElement CommandElement(CmdletDescription cmdlet, IReadOnlyList<CmdletDescription> module, DocComments docs)
    {
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(
                Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun),
                Description(docs.Synopsis(cmdlet.Type))),
            Description(docs.Description(cmdlet.Type)),
            new XElement(Command + "syntax", cmdlet.ParameterSetNames.Select(set => SyntaxItem(cmdlet, set, docs))),
            new XElement(
                Command + "parameters",
                cmdlet.Parameters.Select(p => Parameter(p, p.ShownSets, docs)),
                RiskMitigationParameters(cmdlet)),
            new XElement(Command + "inputTypes", InputTypes(cmdlet)),
            new XElement(Command + "returnValues", cmdlet.OutputTypes.Select(o => ReturnValue(o, docs))),
            new XElement(Command + "examples", docs.Examples(cmdlet.Type).Select((e, i) => Example(e, i + 1))),
            new XElement(Maml + "relatedLinks", RelatedLinks(cmdlet, module)));
    }

    /// <summary>
    /// RELATED LINKS: the online section first (Get-Help -Online takes the first link's address),
    /// then the concepts topic and the module's other cmdlets, which pipe into one another.
    /// </summary>
    private static IEnumerable<XElement> RelatedLinks(CmdletDescription cmdlet, IReadOnlyList<CmdletDescription> module)
    {
        if (cmdlet.HelpUri is not null)
        {
            yield return Link("Online Version:", cmdlet.HelpUri);
        }

        yield return Link(AboutTopic, "");
        foreach (var other in module.Where(c => c.Name != cmdlet.Name))
        {
            yield return Link(other.Name, "");
        }
    }

    private static XElement Link(string text, string uri) =>
        new(Maml + "navigationLink", new XElement(Maml + "linkText", text), new XElement(Maml + "uri", uri));

    private static XElement SyntaxItem(CmdletDescription cmdlet, string setName, DocComments docs) => new(
        Command + "syntaxItem",
        new XElement(Maml + "name", cmdlet.Name),
        cmdlet.ParametersIn(setName)
            .OrderBy(x => x.Membership.Position ?? int.MaxValue)
            .Select(x => Parameter(x.Parameter, [x.Membership], docs)),
        RiskMitigationParameters(cmdlet));

    /// <summary>A parameter as it behaves in <paramref name="memberships"/> (one set, or all of its sets).</summary>
    private static XElement Parameter(ParameterDescription parameter, IReadOnlyList<ParameterSetMembership> memberships, DocComments docs)
    {
        var documented = docs.Description(parameter.Property);
        var description = documented.Count > 0
            ? documented
            : memberships.Select(m => m.HelpMessage).OfType<string>().Where(h => h.Trim().Length > 0).Take(1).ToList();
        var byValue = memberships.Any(m => m.ValueFromPipeline);
        var byName = memberships.Any(m => m.ValueFromPipelineByPropertyName);
        var pipeline = (byValue, byName) switch
        {
            (true, true) => "True (ByValue, ByPropertyName)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
        var position = memberships.Select(m => m.Position).FirstOrDefault(p => p is not null);
        return ParameterElement(
            parameter.Name,
            parameter.ParameterType,
            required: memberships.All(m => m.Mandatory),
            position: position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named",
            pipeline,
            parameter.Aliases,
            description);
    }

    /// <summary>-WhatIf and -Confirm, which PowerShell adds to every SupportsShouldProcess cmdlet.</summary>
    private static IEnumerable<XElement> RiskMitigationParameters(CmdletDescription cmdlet)
    {
        if (!cmdlet.SupportsShouldProcess)
        {
            yield break;
        }

        yield return ParameterElement("WhatIf", null, false, "named", "False", ["wi"], ["Shows what would change without changing anything."]);
        yield return ParameterElement("Confirm", null, false, "named", "False", ["cf"], ["Asks for confirmation before each change."]);
    }

    /// <param name="type">The parameter's type; null for a switch.</param>
    private static XElement ParameterElement(
        string name, Type? type, bool required, string position, string pipeline, IReadOnlyList<string> aliases, IReadOnlyList<string> description)
    {
        var isSwitch = type is null || type.FullName == "System.Management.Automation.SwitchParameter";
        return new XElement(
            Command + "parameter",
            new XAttribute("required", Flag(required)),
            new XAttribute("variableLength", Flag(type?.IsArray == true)),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", pipeline),
            new XAttribute("position", position),
            new XAttribute("aliases", aliases.Count > 0 ? string.Join(", ", aliases) : "none"),
            new XElement(Maml + "name", name),
            Description(description),
            isSwitch ? null : new XElement(
                Command + "parameterValue",
                new XAttribute("required", "true"),
                new XAttribute("variableLength", Flag(type!.IsArray)),
                FriendlyName(type)),
            TypeElement(type?.FullName ?? "System.Management.Automation.SwitchParameter"),
            new XElement(Dev + "defaultValue", isSwitch ? "False" : "None"));
    }

    private static IEnumerable<XElement> InputTypes(CmdletDescription cmdlet)
    {
        foreach (var parameter in cmdlet.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipeline)))
        {
            yield return InputType(parameter.ParameterType.FullName!, $"You can pipe a {FriendlyName(parameter.ParameterType)} to -{parameter.Name}.");
        }

        var byName = cmdlet.Parameters.Where(p => p.Sets.Any(s => s.ValueFromPipelineByPropertyName)).ToList();
        if (byName.Count > 0)
        {
            var names = string.Join(", ", byName.Select(p => p.Aliases.Count > 0 ? $"{p.Name} ({string.Join(", ", p.Aliases)})" : p.Name));
            yield return InputType("System.Management.Automation.PSObject", $"Objects with any of these properties bind to the parameter of the same name: {names}.");
        }
    }

    private static XElement InputType(string typeName, string description) =>
        new(Command + "inputType", TypeElement(typeName), Description([description]));

    private static XElement ReturnValue(OutputTypeDeclaration output, DocComments docs) => new(
        Command + "returnValue",
        TypeElement(output.TypeName),
        Description(output.Type is null ? [] : docs.Synopsis(output.Type)));

    private static XElement Example(DocExample example, int number) => new(
        Command + "example",
        new XElement(Maml + "title", $"-------------------------- Example {number} --------------------------"),
        new XElement(Dev + "code", example.Code),
        new XElement(Dev + "remarks", example.Remarks.Select(Para)));

    private static XElement TypeElement(string fullName) => new(Dev + "type", new XElement(Maml + "name", fullName));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", paragraphs.Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);

    private static string Flag(bool value) => value ? "true" : "false";

    /// <summary>The short name a user reads in syntax: String[], TimeSpan (not Nullable`1), Hashtable.</summary>
    private static string FriendlyName(Type type)
    {
        if (type.IsArray)
        {
            return FriendlyName(type.GetElementType()!) + "[]";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        var arguments = type.GetGenericArguments();
        return type.GetGenericTypeDefinition().FullName == "System.Nullable`1"
            ? FriendlyName(arguments[0])
            : $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}[{string.Join(", ", arguments.Select(FriendlyName))}]";
    }
}
