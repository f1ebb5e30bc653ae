using System.Collections.Generic;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// Parses DynamoDB's condition syntax: comparisons (=, &lt;&gt;, &lt;, &lt;=, &gt;, &gt;=), BETWEEN, IN,
/// attribute_exists, attribute_not_exists, begins_with, contains, NOT, AND, OR (that precedence) and parentheses.
/// </summary>
internal static class ConditionParser
{
    public static Condition Parse(string source, string kind, ExpressionAttributes attributes)
    {
        var reader = new ExpressionReader(source, kind, attributes);
        var condition = Or(reader);
        reader.ExpectEnd();
        return condition;
    }

    private static Condition Or(ExpressionReader reader)
    {
        var condition = And(reader);
        while (reader.TakeWord("OR"))
        {
            condition = new OrCondition(condition, And(reader));
        }

        return condition;
    }

    private static Condition And(ExpressionReader reader)
    {
        var condition = Not(reader);
        while (reader.TakeWord("AND"))
        {
            condition = new AndCondition(condition, Not(reader));
        }

        return condition;
    }

    private static Condition Not(ExpressionReader reader) =>
        reader.TakeWord("NOT") ? new NotCondition(Not(reader)) : Primary(reader);

    private static Condition Primary(ExpressionReader reader)
    {
        if (reader.Take(TokenKind.LeftParen))
        {
            var inner = Or(reader);
            reader.Expect(TokenKind.RightParen);
            return inner;
        }

        if (reader.Peek().Kind == TokenKind.Word && reader.Peek(1).Kind == TokenKind.LeftParen)
        {
            return Function(reader);
        }

        var left = reader.Operand();
        var next = reader.Peek();
        if (next.Kind == TokenKind.Comparator)
        {
            reader.Next();
            return new ComparisonCondition(left, next.Text, reader.Operand());
        }

        if (reader.TakeWord("BETWEEN"))
        {
            var low = reader.Operand();
            reader.ExpectWord("AND");
            return new BetweenCondition(left, low, reader.Operand());
        }

        if (reader.TakeWord("IN"))
        {
            reader.Expect(TokenKind.LeftParen);
            var candidates = new List<Operand> { reader.Operand() };
            while (reader.Take(TokenKind.Comma))
            {
                candidates.Add(reader.Operand());
            }

            reader.Expect(TokenKind.RightParen);
            return new InCondition(left, candidates);
        }

        throw reader.SyntaxError();
    }

    private static Condition Function(ExpressionReader reader)
    {
        var name = reader.Next().Text;
        reader.Expect(TokenKind.LeftParen);
        Condition condition = name switch
        {
            "attribute_exists" => new ExistenceCondition(reader.Path(), true),
            "attribute_not_exists" => new ExistenceCondition(reader.Path(), false),
            "begins_with" => BeginsWith(reader),
            "contains" => Contains(reader),
            "attribute_type" or "size" => throw DynamoDbErrors.NotSupportedBySandbox($"the function {name} in {reader.Kind}"),
            _ => throw DynamoDbErrors.InvalidExpression(reader.Kind, $"Invalid function name; function: {name}"),
        };
        reader.Expect(TokenKind.RightParen);
        return condition;
    }

    private static BeginsWithCondition BeginsWith(ExpressionReader reader)
    {
        var value = new PathOperand(reader.Path());
        reader.Expect(TokenKind.Comma);
        var prefix = reader.Operand();
        if (prefix is ValueOperand { Value.Type: not ("S" or "B") } literal)
        {
            throw DynamoDbErrors.InvalidExpression(reader.Kind,
                $"Incorrect operand type for operator or function; operator or function: begins_with, operand type: {literal.Value.Type}");
        }

        return new BeginsWithCondition(value, prefix);
    }

    private static ContainsCondition Contains(ExpressionReader reader)
    {
        var container = new PathOperand(reader.Path());
        reader.Expect(TokenKind.Comma);
        return new ContainsCondition(container, reader.Operand());
    }
}
