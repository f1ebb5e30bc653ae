using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// Words DynamoDB refuses as bare attribute names in expressions (a client must alias them with
/// <c>#name</c>). AWS reserves 573 words; this is the subset a journal or lock store is likely to
/// name an attribute after, plus the expression keywords, so such a client fails here as it would on AWS.
/// </summary>
internal static class ReservedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "ACTION", "ADD", "ALL", "AND", "ATTRIBUTE", "BETWEEN", "BY", "CAPACITY", "COMMENT", "CONDITION", "CONSISTENT",
        "COUNT", "COUNTER", "CURRENT", "DATA", "DATE", "DATETIME", "DAY", "DELETE", "DURATION", "ERROR", "EXISTS",
        "FILTER", "FROM", "HASH", "HOUR", "IN", "INDEX", "ITEM", "ITEMS", "KEY", "KEYS", "LEVEL", "LIMIT", "LOCK",
        "MINUTE", "MONTH", "NAME", "NOT", "NULL", "NUMBER", "OF", "OR", "ORDER", "OWNER", "PATH", "RANGE", "REMOVE",
        "RESULT", "ROLE", "SECOND", "SET", "SIZE", "SOURCE", "STATE", "STATUS", "STRING", "TABLE", "TEXT", "TIME",
        "TIMESTAMP", "TTL", "TYPE", "UPDATE", "USER", "VALUE", "VALUES", "YEAR", "ZONE",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
