using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Protocols.AwsJson;

/// <summary>
/// Typed, validating reads of one awsJson input structure. A member of the wrong JSON type is a
/// <c>SerializationException</c> and a broken model constraint a <c>ValidationException</c>, as
/// AWS's request layer answers before the service sees the call.
/// </summary>
internal sealed class AwsJsonInput
{
    private readonly JsonElement element;

    private AwsJsonInput(JsonElement element) => this.element = element;

    public static AwsJsonInput Parse(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return new AwsJsonInput(JsonDocument.Parse("{}").RootElement);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement.Clone();
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw CommonErrors.Serialization("Start of structure or map found where not expected.");
            }

            return new AwsJsonInput(root);
        }
        catch (JsonException)
        {
            throw CommonErrors.Serialization("The request body is not valid JSON.");
        }
    }

    /// <summary>The members present and not null, for unions (e.g. DynamoDB's AttributeValue) where exactly one must be set.</summary>
    public IReadOnlyList<string> MemberNames =>
        element.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToList();

    public bool Has(string member) => Member(member, JsonValueKind.Object, JsonValueKind.Array, JsonValueKind.String,
        JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False) is not null;

    public string? String(string member)
    {
        var value = Member(member, JsonValueKind.String);
        return value?.GetString();
    }

    /// <summary>A string member with the model's length constraint; sensitive values are never echoed back.</summary>
    public string? String(string member, int min, int max, bool sensitive = false)
    {
        var value = String(member);
        if (value is not null)
        {
            if (value.Length < min)
            {
                throw Invalid(member, value, sensitive, $"Member must have length greater than or equal to {min}");
            }

            if (value.Length > max)
            {
                throw Invalid(member, value, sensitive, $"Member must have length less than or equal to {max}");
            }
        }

        return value;
    }

    public string RequiredString(string member, int min, int max) =>
        String(member, min, max) ?? throw Missing(member);

    public bool? Bool(string member) =>
        Member(member, JsonValueKind.True, JsonValueKind.False)?.GetBoolean();

    public long? Long(string member, long min, long max)
    {
        var value = Member(member, JsonValueKind.Number);
        if (value is null)
        {
            return null;
        }

        if (!value.Value.TryGetInt64(out var number))
        {
            throw CommonErrors.Serialization($"NUMBER_VALUE can not be converted to a Long for member {member}.");
        }

        if (number < min)
        {
            throw Invalid(member, number.ToString(System.Globalization.CultureInfo.InvariantCulture), false, $"Member must have value greater than or equal to {min}");
        }

        if (number > max)
        {
            throw Invalid(member, number.ToString(System.Globalization.CultureInfo.InvariantCulture), false, $"Member must have value less than or equal to {max}");
        }

        return number;
    }

    public byte[]? Blob(string member)
    {
        var text = String(member);
        if (text is null)
        {
            return null;
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw CommonErrors.Serialization($"Base64 encoded value for member {member} is not valid.");
        }
    }

    public IReadOnlyList<string>? StringList(string member, int minItems, int maxItems)
    {
        var items = Items(member, minItems, maxItems);
        if (items is null)
        {
            return null;
        }

        var strings = new List<string>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw CommonErrors.Serialization($"Unexpected value type in list member {member}.");
            }

            strings.Add(item.GetString()!);
        }

        return strings;
    }

    /// <summary>A map of strings, e.g. Lambda's <c>Environment.Variables</c>.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string member) =>
        Map(member, JsonValueKind.String, value => value.GetString()!);

    /// <summary>A map of numbers, e.g. Lambda's <c>RoutingConfig.AdditionalVersionWeights</c>.</summary>
    public IReadOnlyDictionary<string, double>? DoubleMap(string member) =>
        Map(member, JsonValueKind.Number, value => value.GetDouble());

    /// <summary>A map of structures, e.g. a DynamoDB item (attribute name to attribute value).</summary>
    public IReadOnlyDictionary<string, AwsJsonInput>? StructureMap(string member) =>
        Map(member, JsonValueKind.Object, value => new AwsJsonInput(value));

    public AwsJsonInput? Structure(string member)
    {
        var value = Member(member, JsonValueKind.Object);
        return value is null ? null : new AwsJsonInput(value.Value);
    }

    public IReadOnlyList<AwsJsonInput>? StructureList(string member, int minItems, int maxItems)
    {
        var items = Items(member, minItems, maxItems);
        if (items is null)
        {
            return null;
        }

        var structures = new List<AwsJsonInput>();
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw CommonErrors.Serialization($"Start of structure or map expected in list member {member}.");
            }

            structures.Add(new AwsJsonInput(item));
        }

        return structures;
    }

    private Dictionary<string, T>? Map<T>(string member, JsonValueKind valueKind, Func<JsonElement, T> read)
    {
        var value = Member(member, JsonValueKind.Object);
        if (value is null)
        {
            return null;
        }

        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in value.Value.EnumerateObject())
        {
            if (entry.Value.ValueKind != valueKind)
            {
                throw CommonErrors.Serialization($"Unexpected value type in map member {member}.");
            }

            map[entry.Name] = read(entry.Value);
        }

        return map;
    }

    private List<JsonElement>? Items(string member, int minItems, int maxItems)
    {
        var value = Member(member, JsonValueKind.Array);
        if (value is null)
        {
            return null;
        }

        var items = new List<JsonElement>(value.Value.EnumerateArray());
        if (items.Count < minItems)
        {
            throw CommonErrors.Validation($"Value at '{Camel(member)}' failed to satisfy constraint: Member must have length greater than or equal to {minItems}");
        }

        if (items.Count > maxItems)
        {
            throw CommonErrors.Validation($"Value at '{Camel(member)}' failed to satisfy constraint: Member must have length less than or equal to {maxItems}");
        }

        return items;
    }

    private JsonElement? Member(string member, params JsonValueKind[] accepted)
    {
        if (!element.TryGetProperty(member, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (Array.IndexOf(accepted, value.ValueKind) < 0)
        {
            throw CommonErrors.Serialization($"Unexpected JSON type {value.ValueKind} for member {member}.");
        }

        return value;
    }

    private static AwsErrorException Missing(string member) =>
        CommonErrors.Validation($"Value null at '{Camel(member)}' failed to satisfy constraint: Member must not be null");

    private static AwsErrorException Invalid(string member, string value, bool sensitive, string constraint) =>
        CommonErrors.Validation(sensitive
            ? $"Value at '{Camel(member)}' failed to satisfy constraint: {constraint}"
            : $"Value '{value}' at '{Camel(member)}' failed to satisfy constraint: {constraint}");

    private static string Camel(string member) => char.ToLowerInvariant(member[0]) + member[1..];
}
