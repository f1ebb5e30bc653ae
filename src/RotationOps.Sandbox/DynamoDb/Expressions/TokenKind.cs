namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>The lexical classes of DynamoDB's expression language.</summary>
internal enum TokenKind
{
    /// <summary>An attribute name, keyword or function name (told apart by the parser).</summary>
    Word,

    /// <summary><c>#name</c>, replaced from ExpressionAttributeNames.</summary>
    NamePlaceholder,

    /// <summary><c>:value</c>, replaced from ExpressionAttributeValues.</summary>
    ValuePlaceholder,

    /// <summary>=, &lt;&gt;, &lt;, &lt;=, &gt; or &gt;=.</summary>
    Comparator,
    LeftParen,
    RightParen,
    Comma,
    Plus,
    Minus,

    /// <summary><c>.</c> or <c>[</c>: a nested document path, which the Sandbox does not model.</summary>
    PathStep,
    End,
}
