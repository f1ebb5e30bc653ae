using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using RotationOps.Engine.DynamoDb;
using RotationOps.Engine.Errors;

namespace RotationOps.Engine.Journal.Stores;

/// <summary>
/// The shared journal table's layout. One table, two string keys, so one documented
/// create-table command makes it and the key names say nothing about what is stored:
/// <list type="bullet">
/// <item>an entry: pk = deployment#&lt;id&gt;, sk = entry#&lt;sequence&gt; (its place within the deployment);</item>
/// <item>a target's index: pk = target#&lt;alias or secret ARN&gt;, sk = &lt;deployment id&gt;, with startedAt;</item>
/// <item>a deployment lock: pk = lock#&lt;target&gt;, sk = lock;</item>
/// <item>the key of environment-value fingerprints: pk = key#fingerprint, sk = key.</item>
/// </list>
/// </summary>
internal static class JournalTableSchema
{
    public const string PartitionKey = "pk";
    public const string SortKey = "sk";

    // DynamoDB's documented table-name rule.
    private static readonly Regex ValidName = new Regex("^[a-zA-Z0-9_.-]{3,255}$", RegexOptions.CultureInvariant);

    /// <summary>The journal's fingerprint key for environment values (<see cref="IJournalStore.FingerprintKeyAsync"/>).</summary>
    public const string FingerprintKeyPartition = "key#fingerprint";

    public static string DeploymentPartition(string deploymentId) => "deployment#" + deploymentId;

    public static string EntrySortKey(int sequence) => "entry#" + sequence.ToString("D8", CultureInfo.InvariantCulture);

    public static string TargetPartition(string target) => "target#" + target;

    public static string LockPartition(string target) => "lock#" + target;

    public static Dictionary<string, string> Key(string partition, string sort) =>
        new Dictionary<string, string> { [PartitionKey] = partition, [SortKey] = sort };

    /// <summary>
    /// The one command that makes the table, as the README shows it. The comma lists are quoted
    /// so the line runs as it is in pwsh, which would otherwise split them into arrays, and in sh.
    /// </summary>
    public static string CreateCommand(string table, string region) =>
        $"aws dynamodb create-table --region {region} --table-name {table} " +
        $"--attribute-definitions 'AttributeName={PartitionKey},AttributeType=S' 'AttributeName={SortKey},AttributeType=S' " +
        $"--key-schema 'AttributeName={PartitionKey},KeyType=HASH' 'AttributeName={SortKey},KeyType=RANGE' --billing-mode PAY_PER_REQUEST";

    /// <exception cref="RunbookException">InvalidParameter: not a name DynamoDB allows.</exception>
    public static void ValidateName(string table)
    {
        if (!ValidName.IsMatch(table))
            throw RunbookException.InvalidParameter("JournalTable",
                $"'{table}' is not a DynamoDB table name: use 3 to 255 letters, digits, '_', '-' or '.' (e.g. rotationops-journal). " +
                "It also comes from $env:ROTATIONOPS_JOURNAL_TABLE when -JournalTable is not given.");
    }

    /// <summary>Refuses a table whose keys are not this layout's, before anything is written to it.</summary>
    /// <exception cref="RunbookException">JournalTableSchema or JournalTableNotReady.</exception>
    public static void Check(TableDescription table, string region)
    {
        bool keysMatch = table.KeySchema.Count == 2 &&
                         Has(table.KeySchema, PartitionKey, "HASH") && Has(table.KeySchema, SortKey, "RANGE") &&
                         Has(table.AttributeTypes, PartitionKey, "S") && Has(table.AttributeTypes, SortKey, "S");
        if (!keysMatch)
            throw new RunbookException("JournalTableSchema", RunbookErrorCategory.InvalidArgument,
                $"The DynamoDB table '{table.TableName}' is not a RotationOps journal: its key schema is {Describe(table)}, " +
                $"where the journal needs {PartitionKey} (string, partition key) and {SortKey} (string, sort key). " +
                $"Nothing was changed. Give -JournalTable a table made with: {CreateCommand("<name>", region)}",
                table.TableName, "JournalTable");
        if (table.TableStatus != "ACTIVE" && table.TableStatus != "UPDATING")
            throw new RunbookException("JournalTableNotReady", RunbookErrorCategory.ResourceUnavailable,
                $"The DynamoDB table '{table.TableName}' is {table.TableStatus}, not ACTIVE. Nothing was changed. " +
                $"Wait for it (aws dynamodb wait table-exists --region {region} --table-name {table.TableName}) and run this again.",
                table.TableName, "JournalTable");
    }

    private static bool Has(Dictionary<string, string> map, string name, string value) =>
        map.TryGetValue(name, out var actual) && string.Equals(actual, value, StringComparison.Ordinal);

    private static string Describe(TableDescription table)
    {
        var parts = new List<string>();
        foreach (var key in table.KeySchema)
            parts.Add($"{key.Key} ({(table.AttributeTypes.TryGetValue(key.Key, out var type) ? type : "?")}, {key.Value})");
        return parts.Count == 0 ? "(none)" : string.Join(" + ", parts);
    }
}
