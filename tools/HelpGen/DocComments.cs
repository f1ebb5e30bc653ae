using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RotationOps.HelpGen;

/// <summary>
/// The compiler's XML documentation file, turned into plain paragraphs for help text. Only the
/// tags that make sense in a console are rendered; cross-references become their short names.
/// </summary>
public sealed partial class DocComments
{
    private readonly Dictionary<string, XElement> members;

    private DocComments(Dictionary<string, XElement> members) => this.members = members;

    /// <summary>Merges the documentation files of the cmdlet assembly and of the assemblies its types come from.</summary>
    public static DocComments Load(IEnumerable<string> paths) => new(
        paths.SelectMany(p => XDocument.Load(p).Descendants("member"))
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => m.Attribute("name")!.Value)
            .ToDictionary(g => g.Key, g => g.First()));

    /// <summary>
    /// One line for Get-Help's SYNOPSIS: a &lt;para type="synopsis"&gt; (the convention of
    /// cmdlet help generators), else the &lt;summary&gt;.
    /// </summary>
    public IReadOnlyList<string> Synopsis(MemberInfo member) =>
        Typed(member, "synopsis") ?? Untyped(Element(member, "summary"));

    /// <summary>
    /// Get-Help's DESCRIPTION (for a parameter, its only text): &lt;para type="description"&gt;
    /// paragraphs, else &lt;remarks&gt;, else the &lt;summary&gt;.
    /// </summary>
    public IReadOnlyList<string> Description(MemberInfo member) =>
        Typed(member, "description") ?? NonEmpty(Untyped(Element(member, "remarks"))) ?? Untyped(Element(member, "summary"));

    public IReadOnlyList<DocExample> Examples(MemberInfo member) =>
        Member(member)?.Elements("example").Select(e => new DocExample(
            Code: Dedent(string.Join("\n", e.Elements("code").Select(c => c.Value))),
            Remarks: Paragraphs(new XElement("example", e.Nodes().Where(n => n is not XElement { Name.LocalName: "code" })))))
            .ToList() ?? [];

    private XElement? Element(MemberInfo member, string tag) => Member(member)?.Element(tag);

    private List<string>? Typed(MemberInfo member, string type) => NonEmpty(
        Member(member)?.Elements().Elements("para")
            .Where(p => p.Attribute("type")?.Value == type)
            .SelectMany(Paragraphs).ToList() ?? []);

    /// <summary>The element's text without its typed paragraphs, which belong to another section.</summary>
    private static List<string> Untyped(XElement? element)
    {
        if (element is null)
        {
            return [];
        }

        var copy = new XElement(element);
        copy.Elements("para").Where(p => p.Attribute("type") is not null).Remove();
        return Paragraphs(copy);
    }

    private static List<string>? NonEmpty(List<string> paragraphs) => paragraphs.Count > 0 ? paragraphs : null;

    private XElement? Member(MemberInfo member) => members.GetValueOrDefault(IdOf(member));

    /// <summary>The documentation id the C# compiler writes ("T:Ns.Type", "P:Ns.Type.Property").</summary>
    private static string IdOf(MemberInfo member) => member switch
    {
        Type type => "T:" + TypeId(type),
        PropertyInfo property => "P:" + TypeId(property.DeclaringType!) + "." + property.Name,
        _ => throw new ArgumentException($"No help is read for a {member.MemberType}.", nameof(member)),
    };

    private static string TypeId(Type type) => type.FullName!.Replace('+', '.');

    private static List<string> Paragraphs(XElement element)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Render(element, current, paragraphs);
        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Render(XElement element, StringBuilder current, List<string> paragraphs)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    current.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "para" or "code" } block:
                    Flush(current, paragraphs);
                    Render(block, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case XElement { Name.LocalName: "item" } item:
                    Flush(current, paragraphs);
                    current.Append("- ");
                    Render(item, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case XElement { Name.LocalName: "term" } term:
                    Render(term, current, paragraphs);
                    current.Append(": ");
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference when !reference.Nodes().Any():
                    current.Append(ReferenceText(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    current.Append(reference.Attribute("name")?.Value);
                    break;
                case XElement other:
                    Render(other, current, paragraphs);
                    break;
            }
        }
    }

    private static string ReferenceText(XElement reference)
    {
        if (reference.Attribute("langword") is { } langword)
        {
            return langword.Value;
        }

        if (reference.Attribute("href") is { } href)
        {
            return href.Value;
        }

        // "T:RotationOps.SecretRotation" reads as "SecretRotation"; "P:X.Y.Prop" as "Prop".
        var cref = reference.Attribute("cref")?.Value ?? string.Empty;
        var name = cref.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = Whitespace().Replace(current.ToString(), " ").Trim();
        if (text.Length > 0)
        {
            paragraphs.Add(text);
        }

        current.Clear();
    }

    /// <summary>Example code keeps its lines but loses the indentation of the comment it sat in.</summary>
    private static string Dedent(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n').SkipWhile(string.IsNullOrWhiteSpace).Reverse()
            .SkipWhile(string.IsNullOrWhiteSpace).Reverse().ToList();
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

/// <summary>An &lt;example&gt;: the code a user would type and what it does.</summary>
public sealed record DocExample(string Code, IReadOnlyList<string> Remarks);
