namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>One token of an expression and where it starts in the source (for "near" in syntax errors).</summary>
internal readonly record struct ExpressionToken(TokenKind Kind, string Text, int Position)
{
    public bool IsWord(string word) => Kind == TokenKind.Word && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);
}
