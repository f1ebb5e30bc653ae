using System;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.DynamoDb.Operations;

/// <summary>
/// One DynamoDB API operation. It runs under the table store's lock, validates everything before
/// changing anything, and writes the members of its reply object.
/// </summary>
internal interface IDynamoDbOperation
{
    string Name { get; }

    void Execute(AwsJsonInput input, Utf8JsonWriter output, DateTimeOffset now);
}
