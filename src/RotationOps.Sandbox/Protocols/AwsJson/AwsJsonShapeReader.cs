using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Protocols.AwsJson;

/// <summary>
/// An awsJson request body read through <see cref="IShapeReader"/>, for services that AWS serves over
/// awsJson and awsQuery alike. Error paths use the awsQuery spelling (<c>MetricData.member.1.Value</c>)
/// because such services validate once, behind both protocols. A member of the wrong JSON type is
/// a <c>SerializationException</c>.
/// </summary>
internal sealed class AwsJsonShapeReader : IShapeReader
{
    private readonly JsonElement element;
    private readonly string path;

    private AwsJsonShapeReader(JsonElement element, string path)
    {
        this.element = element;
        this.path = path;
    }

    public static AwsJsonShapeReader Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body.IsEmpty ? "{}"u8.ToArray() : body);
            var root = document.RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object
                ? new AwsJsonShapeReader(root, string.Empty)
                : throw CommonErrors.Serialization("Start of structure or map found where not expected.");
        }
        catch (JsonException)
        {
            throw CommonErrors.Serialization("The request body is not valid JSON.");
        }
    }

    public string PathOf(string member) => path + member;

    public bool Has(string member) => Member(member) is not null;

    public string? String(string member) => Member(member, JsonValueKind.String)?.GetString();

    public double? Double(string member) => Member(member, JsonValueKind.Number)?.GetDouble();

    public long? Long(string member)
    {
        var value = Member(member, JsonValueKind.Number);
        if (value is null)
        {
            return null;
        }

        return value.Value.TryGetInt64(out var number)
            ? number
            : throw CommonErrors.Serialization($"NUMBER_VALUE can not be converted to a Long for member {member}.");
    }

    public bool? Bool(string member) => Member(member, JsonValueKind.True, JsonValueKind.False)?.GetBoolean();

    /// <summary>Epoch seconds, as awsJson clients send them; an ISO-8601 string is accepted too.</summary>
    public DateTimeOffset? Timestamp(string member)
    {
        var value = Member(member, JsonValueKind.Number, JsonValueKind.String);
        if (value is null)
        {
            return null;
        }

        if (value.Value.ValueKind == JsonValueKind.Number)
        {
            return DateTimeOffset.UnixEpoch.AddTicks((long)(value.Value.GetDouble() * TimeSpan.TicksPerSecond));
        }

        return DateTimeOffset.TryParse(value.Value.GetString(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : throw CommonErrors.Serialization($"Cannot parse member {member} as a timestamp.");
    }

    public IShapeReader? Structure(string member)
    {
        var value = Member(member, JsonValueKind.Object);
        return value is null ? null : new AwsJsonShapeReader(value.Value, $"{path}{member}.");
    }

    public IReadOnlyList<IShapeReader>? StructureList(string member) =>
        Items(member, JsonValueKind.Object)?.Select((item, i) => (IShapeReader)new AwsJsonShapeReader(item, $"{path}{member}.member.{i + 1}.")).ToList();

    public IReadOnlyList<string>? StringList(string member) =>
        Items(member, JsonValueKind.String)?.Select(item => item.GetString()!).ToList();

    public IReadOnlyList<double>? DoubleList(string member) =>
        Items(member, JsonValueKind.Number)?.Select(item => item.GetDouble()).ToList();

    private List<JsonElement>? Items(string member, JsonValueKind itemKind)
    {
        var list = Member(member, JsonValueKind.Array);
        if (list is null)
        {
            return null;
        }

        var items = list.Value.EnumerateArray().ToList();
        return items.All(i => i.ValueKind == itemKind)
            ? items
            : throw CommonErrors.Serialization($"Unexpected value type in list member {member}.");
    }

    private JsonElement? Member(string member, params JsonValueKind[] accepted)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (accepted.Length > 0 && Array.IndexOf(accepted, value.ValueKind) < 0)
        {
            throw CommonErrors.Serialization($"Unexpected JSON type {value.ValueKind} for member {member}.");
        }

        return value;
    }
}
