using System;
using System.Collections.Generic;
using System.Linq;
using RotationOps.Sandbox.DynamoDb.Items;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// A parsed UpdateExpression: SET actions (<c>a = :v</c>, <c>a = a + :n</c>, <c>a = b - :n</c>,
/// <c>a = if_not_exists(a, :v)</c>) and REMOVE actions on top-level attributes. ADD and DELETE are not modelled.
/// </summary>
internal sealed record UpdateExpression(IReadOnlyList<UpdateAction> Actions)
{
    private const string Kind = "UpdateExpression";

    /// <summary>Every attribute an action touches, for UPDATED_OLD and UPDATED_NEW.</summary>
    public IEnumerable<string> Names => Actions.Select(action => action.Name);

    public static UpdateExpression Parse(string source, ExpressionAttributes attributes)
    {
        var reader = new ExpressionReader(source, Kind, attributes);
        var actions = new List<UpdateAction>();
        var sections = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        do
        {
            var section = reader.Next();
            if (section.Kind != TokenKind.Word || section.Text.ToUpperInvariant() is not ("SET" or "REMOVE" or "ADD" or "DELETE"))
            {
                throw reader.SyntaxError();
            }

            if (!sections.Add(section.Text))
            {
                throw DynamoDbErrors.InvalidExpression(Kind, $"The \"{section.Text.ToUpperInvariant()}\" section can only be used once in an update expression;");
            }

            if (section.IsWord("ADD") || section.IsWord("DELETE"))
            {
                throw DynamoDbErrors.NotSupportedBySandbox($"the {section.Text.ToUpperInvariant()} section of UpdateExpression");
            }

            do
            {
                actions.Add(section.IsWord("SET") ? Set(reader) : new UpdateAction(reader.Path(), null));
            }
            while (reader.Take(TokenKind.Comma));
        }
        while (reader.Peek().Kind != TokenKind.End);

        var overlap = actions.GroupBy(action => action.Name, StringComparer.Ordinal).FirstOrDefault(group => group.Count() > 1);
        if (overlap is not null)
        {
            throw DynamoDbErrors.InvalidExpression(Kind,
                $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [{overlap.Key}], path two: [{overlap.Key}]");
        }

        return new UpdateExpression(actions);
    }

    /// <summary>The item after the update; every value is computed from <paramref name="before"/>, as DynamoDB does.</summary>
    public Dictionary<string, AttributeValue> Apply(IReadOnlyDictionary<string, AttributeValue>? before, IReadOnlyDictionary<string, AttributeValue> start)
    {
        var values = Actions.Select(action => action.Value?.ValueIn(before)).ToList();
        var after = new Dictionary<string, AttributeValue>(start, StringComparer.Ordinal);
        for (var i = 0; i < Actions.Count; i++)
        {
            if (values[i] is { } value)
            {
                after[Actions[i].Name] = value;
            }
            else
            {
                after.Remove(Actions[i].Name);
            }
        }

        return after;
    }

    private static UpdateAction Set(ExpressionReader reader)
    {
        var name = reader.Path();
        var assign = reader.Next();
        if (assign is not { Kind: TokenKind.Comparator, Text: "=" })
        {
            throw reader.SyntaxError();
        }

        UpdateValue value = Term(reader);
        if (reader.Peek().Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var subtract = reader.Next().Kind == TokenKind.Minus;
            value = new ArithmeticValue(value, subtract, Term(reader));
        }

        return new UpdateAction(name, value);
    }

    private static UpdateValue Term(ExpressionReader reader)
    {
        if (!reader.Peek().IsWord("if_not_exists") || reader.Peek(1).Kind != TokenKind.LeftParen)
        {
            return new OperandValue(reader.Operand());
        }

        reader.Next();
        reader.Next();
        var name = reader.Path();
        reader.Expect(TokenKind.Comma);
        var fallback = reader.Operand();
        reader.Expect(TokenKind.RightParen);
        return new IfNotExistsValue(name, fallback);
    }
}
