using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Operations;

/// <summary>ListSecrets: secrets by creation date, filtered and paged; secrets marked for deletion only on request.</summary>
internal sealed class ListSecretsOperation(SecretStore store, string region) : ISecretsManagerOperation
{
    private const int DefaultPageSize = 100;

    public string Name => "ListSecrets";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var pageSize = (int)(input.Long("MaxResults", 1, 100) ?? DefaultPageSize);
        var offset = PageToken.Decode(input.String("NextToken", 1, 4096));
        var includeDeleted = input.Bool("IncludePlannedDeletion") ?? false;
        var sortOrder = input.String("SortOrder") ?? "asc";
        if (sortOrder is not ("asc" or "desc"))
        {
            throw CommonErrors.Validation($"Value '{sortOrder}' at 'sortOrder' failed to satisfy constraint: Member must satisfy enum value set: [asc, desc]");
        }

        var filters = ReadFilters(input);
        var matching = store.All
            .Where(s => includeDeleted || !s.IsDeleted)
            .Where(s => filters.All(f => f.Matches(s)))
            .ToList();
        if (sortOrder == "desc")
        {
            matching.Reverse();
        }

        var page = matching.Skip(offset).Take(pageSize).ToList();
        output.WriteStartArray("SecretList");
        foreach (var secret in page)
        {
            output.WriteStartObject();
            SecretDescription.Write(output, secret, "SecretVersionsToStages");
            output.WriteEndObject();
        }

        output.WriteEndArray();
        if (offset + page.Count < matching.Count)
        {
            output.WriteString("NextToken", PageToken.Encode(offset + page.Count));
        }
    }

    private List<SecretFilter> ReadFilters(AwsJsonInput input)
    {
        var filters = new List<SecretFilter>();
        var structures = input.StructureList("Filters", 0, 10) ?? [];
        for (var i = 0; i < structures.Count; i++)
        {
            var key = structures[i].String("Key");
            if (key is null || !SecretFilter.Keys.Contains(key))
            {
                throw CommonErrors.Validation(
                    $"Value '{key}' at 'filters.{i + 1}.member.key' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", SecretFilter.Keys)}]");
            }

            var values = structures[i].StringList("Values", 1, 10)
                ?? throw CommonErrors.Validation($"Value null at 'filters.{i + 1}.member.values' failed to satisfy constraint: Member must not be null");
            if (values.Any(v => v.Length > 512))
            {
                throw CommonErrors.Validation($"Value at 'filters.{i + 1}.member.values' failed to satisfy constraint: Member must have length less than or equal to 512");
            }

            filters.Add(new SecretFilter(key, values, region));
        }

        return filters;
    }
}
