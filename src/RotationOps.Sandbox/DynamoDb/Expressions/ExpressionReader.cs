using System;
using System.Collections.Generic;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>
/// A cursor over one expression's tokens with what every parser needs: keyword tests, placeholders
/// resolved through the request's <see cref="ExpressionAttributes"/>, attribute paths, and DynamoDB's
/// error texts prefixed with the expression's member name (<see cref="Kind"/>).
/// </summary>
internal sealed class ExpressionReader(string source, string kind, ExpressionAttributes attributes)
{
    private readonly List<ExpressionToken> tokens = ExpressionLexer.Tokenize(source, kind);
    private int index;

    public string Kind { get; } = kind;

    public ExpressionToken Peek(int ahead = 0) => tokens[Math.Min(index + ahead, tokens.Count - 1)];

    public ExpressionToken Next() => tokens[Math.Min(index++, tokens.Count - 1)];

    public bool TakeWord(string word)
    {
        if (!Peek().IsWord(word))
        {
            return false;
        }

        index++;
        return true;
    }

    public bool Take(TokenKind kind)
    {
        if (Peek().Kind != kind)
        {
            return false;
        }

        index++;
        return true;
    }

    public void Expect(TokenKind kind)
    {
        if (!Take(kind))
        {
            throw SyntaxError();
        }
    }

    public void ExpectWord(string word)
    {
        if (!TakeWord(word))
        {
            throw SyntaxError();
        }
    }

    /// <summary>A top-level attribute name, bare or <c>#alias</c>; a bare reserved word is refused as DynamoDB refuses it.</summary>
    public string Path()
    {
        var token = Next();
        var name = token.Kind switch
        {
            TokenKind.NamePlaceholder => attributes.Name(token.Text, Kind),
            TokenKind.Word when ReservedWords.Contains(token.Text) =>
                throw DynamoDbErrors.InvalidExpression(Kind, $"Attribute name is a reserved keyword; reserved keyword: {token.Text}"),
            TokenKind.Word when char.IsAsciiLetter(token.Text[0]) || token.Text[0] == '_' => token.Text,
            _ => throw SyntaxError(index - 1),
        };
        if (Peek().Kind == TokenKind.PathStep)
        {
            throw DynamoDbErrors.NotSupportedBySandbox($"nested document paths in {Kind} (near \"{Near(index)}\")");
        }

        return name;
    }

    /// <summary>A path or a <c>:value</c>.</summary>
    public Operand Operand()
    {
        var token = Peek();
        if (token.Kind == TokenKind.ValuePlaceholder)
        {
            index++;
            return new ValueOperand(attributes.Value(token.Text, Kind));
        }

        if (token.Kind == TokenKind.Word && Peek(1).Kind == TokenKind.LeftParen)
        {
            throw DynamoDbErrors.NotSupportedBySandbox($"the function {token.Text} as an operand in {Kind}");
        }

        return new PathOperand(Path());
    }

    public void ExpectEnd()
    {
        if (Peek().Kind != TokenKind.End)
        {
            throw SyntaxError();
        }
    }

    /// <summary>DynamoDB's syntax error: the offending token and the text around it.</summary>
    public Exception SyntaxError(int? at = null)
    {
        var position = Math.Min(at ?? index, tokens.Count - 1);
        return DynamoDbErrors.InvalidExpression(Kind, $"Syntax error; token: \"{tokens[position].Text}\", near: \"{Near(position)}\"");
    }

    private string Near(int position)
    {
        var from = tokens[Math.Max(0, position - 1)].Position;
        var last = tokens[Math.Min(position + 1, tokens.Count - 1)];
        var to = last.Kind == TokenKind.End ? source.Length : last.Position + last.Text.Length;
        return source[from..to].Trim();
    }
}
