using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Protocols.AwsQuery;

/// <summary>
/// An awsQuery request body (<c>application/x-www-form-urlencoded</c>) read as the structure it
/// encodes: <c>MetricData.member.1.Dimensions.member.2.Name=FunctionName</c> is member <c>Name</c> of
/// the second item of list <c>Dimensions</c> of the first item of list <c>MetricData</c>. Lists are
/// numbered from 1; an empty list is sent as the bare name (<c>AlarmNames=</c>).
/// </summary>
internal sealed class AwsQueryInput : IShapeReader
{
    private readonly Node node;
    private readonly string path;

    private AwsQueryInput(Node node, string path)
    {
        this.node = node;
        this.path = path;
    }

    public static AwsQueryInput Parse(ReadOnlyMemory<byte> body)
    {
        var root = new Node();
        foreach (var pair in Encoding.UTF8.GetString(body.Span).Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : Decode(pair[(equals + 1)..]);
            var target = root;
            foreach (var segment in name.Split('.'))
            {
                target = target.Child(segment);
            }

            target.Value = value;
        }

        return new AwsQueryInput(root, string.Empty);
    }

    public string PathOf(string member) => path + member;

    public bool Has(string member) => node.Children.ContainsKey(member);

    public string? String(string member) =>
        node.Children.TryGetValue(member, out var child) && child.Children.Count == 0 ? child.Value : null;

    public double? Double(string member) => Parsed<double>(member, raw =>
        double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null);

    public long? Long(string member) => Parsed<long>(member, raw =>
        long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null);

    public bool? Bool(string member) => Parsed<bool>(member, raw =>
        raw.Equals("true", StringComparison.OrdinalIgnoreCase) ? true : raw.Equals("false", StringComparison.OrdinalIgnoreCase) ? false : null);

    public DateTimeOffset? Timestamp(string member) => Parsed<DateTimeOffset>(member, raw =>
        DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : (DateTimeOffset?)null);

    public IShapeReader? Structure(string member) =>
        node.Children.TryGetValue(member, out var child) ? new AwsQueryInput(child, $"{path}{member}.") : null;

    public IReadOnlyList<IShapeReader>? StructureList(string member) =>
        Items(member)?.Select(item => (IShapeReader)new AwsQueryInput(item.Node, $"{path}{member}.member.{item.Index}.")).ToList();

    public IReadOnlyList<string>? StringList(string member) =>
        Items(member)?.Select(item => item.Node.Value ?? string.Empty).ToList();

    public IReadOnlyList<double>? DoubleList(string member) =>
        Items(member)?.Select(item =>
            double.TryParse(item.Node.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? value
                : throw Malformed($"{path}{member}.member.{item.Index}", item.Node.Value)).ToList();

    private T? Parsed<T>(string member, Func<string, T?> parse)
        where T : struct
    {
        var raw = String(member);
        if (raw is null)
        {
            return null;
        }

        return parse(raw) ?? throw Malformed(PathOf(member), raw);
    }

    private List<(int Index, Node Node)>? Items(string member)
    {
        if (!node.Children.TryGetValue(member, out var list))
        {
            return null;
        }

        if (!list.Children.TryGetValue("member", out var members))
        {
            return [];
        }

        return members.Children
            .Select(c => (Index: int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : 0, Node: c.Value))
            .Where(c => c.Index > 0)
            .OrderBy(c => c.Index)
            .ToList();
    }

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    private static AwsErrorException Malformed(string parameter, string? raw) =>
        new("InvalidParameterValue", $"Value ({raw}) for parameter {parameter} is invalid.");

    private sealed class Node
    {
        public string? Value { get; set; }

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public Node Child(string name)
        {
            if (!Children.TryGetValue(name, out var child))
            {
                child = new Node();
                Children[name] = child;
            }

            return child;
        }
    }
}
