using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationOps.Sandbox.DynamoDb.Tables;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>
/// CreateTable: a HASH key and optional RANGE key of type S, N or B, billed PAY_PER_REQUEST or
/// PROVISIONED. The table is ACTIVE at once (AWS answers CREATING for a few seconds first).
/// Secondary indexes and streams are not modelled.
/// </summary>
internal sealed partial class CreateTableOperation(TableStore store, TimeSpan replicationLag) : IDynamoDbOperation
{
    public string Name => "CreateTable";

    public void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now)
    {
        var name = input.RequiredString("TableName", 3, 255);
        if (!TableNamePattern().IsMatch(name))
        {
            throw CommonErrors.Validation($"Value '{name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        }

        ItemInput.RefuseUnsupported(input, "GlobalSecondaryIndexes", "LocalSecondaryIndexes", "StreamSpecification");
        var definitions = Definitions(input);
        var schema = Schema(input, definitions);
        var billing = Billing(input);
        if (store.Find(name) is not null)
        {
            throw DynamoDbErrors.TableExists(name);
        }

        var table = new Table(name, store.ArnOf(name), schema, definitions, billing, now, replicationLag);
        store.Add(table);
        TableDescriptionJson.Write(output, "TableDescription", table, "ACTIVE");
    }

    private static List<KeyAttribute> Definitions(AwsJsonInput input) =>
        (input.StructureList("AttributeDefinitions", 0, int.MaxValue)
            ?? throw CommonErrors.Validation("Value null at 'attributeDefinitions' failed to satisfy constraint: Member must not be null"))
        .Select((definition, i) =>
        {
            var type = definition.RequiredString("AttributeType", 1, 1);
            return type is "S" or "N" or "B"
                ? new KeyAttribute(definition.RequiredString("AttributeName", 1, 255), type)
                : throw CommonErrors.Validation(
                    $"Value '{type}' at 'attributeDefinitions.{i + 1}.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]");
        })
        .ToList();

    private static KeySchema Schema(AwsJsonInput input, List<KeyAttribute> definitions)
    {
        var elements = (input.StructureList("KeySchema", 1, 2)
                ?? throw CommonErrors.Validation("Value null at 'keySchema' failed to satisfy constraint: Member must not be null"))
            .Select(element => (Name: element.RequiredString("AttributeName", 1, 255), Type: element.RequiredString("KeyType", 1, 5)))
            .ToList();
        if (elements[0].Type != "HASH")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
        }

        if (elements.Count == 2 && elements[1].Type != "RANGE")
        {
            throw DynamoDbErrors.Validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
        }

        if (elements.Count == 2 && elements[0].Name == elements[1].Name)
        {
            throw DynamoDbErrors.Validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
        }

        var undefined = elements.Where(e => definitions.All(d => d.Name != e.Name)).ToList();
        if (undefined.Count > 0)
        {
            throw DynamoDbErrors.InvalidParameter(
                $"Some index key attributes are not defined in AttributeDefinitions. Keys: [{string.Join(", ", elements.Select(e => e.Name))}], AttributeDefinitions: [{string.Join(", ", definitions.Select(d => d.Name))}]");
        }

        if (definitions.Count != elements.Count)
        {
            throw DynamoDbErrors.InvalidParameter("Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions");
        }

        KeyAttribute Defined(string attribute) => definitions.First(d => d.Name == attribute);
        return new KeySchema(Defined(elements[0].Name), elements.Count == 2 ? Defined(elements[1].Name) : null);
    }

    private static TableBilling Billing(AwsJsonInput input)
    {
        var mode = input.String("BillingMode") ?? TableBilling.Provisioned;
        var throughput = input.Structure("ProvisionedThroughput");
        switch (mode)
        {
            case TableBilling.PayPerRequest when throughput is not null:
                throw DynamoDbErrors.InvalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
            case TableBilling.PayPerRequest:
                return new TableBilling(mode, 0, 0);
            case TableBilling.Provisioned when throughput is null:
                throw DynamoDbErrors.InvalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED");
            case TableBilling.Provisioned:
                return new TableBilling(mode,
                    throughput.Long("ReadCapacityUnits", 1, long.MaxValue) ?? throw CommonErrors.Validation("Value null at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must not be null"),
                    throughput.Long("WriteCapacityUnits", 1, long.MaxValue) ?? throw CommonErrors.Validation("Value null at 'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must not be null"));
            default:
                throw CommonErrors.Validation($"Value '{mode}' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9_.-]+$")]
    private static partial Regex TableNamePattern();
}
