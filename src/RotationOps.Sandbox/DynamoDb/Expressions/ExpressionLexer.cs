using System.Collections.Generic;

namespace RotationOps.Sandbox.DynamoDb.Expressions;

/// <summary>Splits an expression into tokens; a character that starts no token is a syntax error as DynamoDB reports it.</summary>
internal static class ExpressionLexer
{
    public static List<ExpressionToken> Tokenize(string source, string kind)
    {
        var tokens = new List<ExpressionToken>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (c is '#' or ':' || IsWordChar(c))
            {
                i++;
                while (i < source.Length && IsWordChar(source[i]))
                {
                    i++;
                }

                var kindOfWord = c switch { '#' => TokenKind.NamePlaceholder, ':' => TokenKind.ValuePlaceholder, _ => TokenKind.Word };
                tokens.Add(new ExpressionToken(kindOfWord, source[start..i], start));
                continue;
            }

            var two = i + 1 < source.Length ? source.Substring(i, 2) : string.Empty;
            if (two is "<>" or "<=" or ">=")
            {
                tokens.Add(new ExpressionToken(TokenKind.Comparator, two, start));
                i += 2;
                continue;
            }

            TokenKind? single = c switch
            {
                '=' or '<' or '>' => TokenKind.Comparator,
                '(' => TokenKind.LeftParen,
                ')' => TokenKind.RightParen,
                ',' => TokenKind.Comma,
                '+' => TokenKind.Plus,
                '-' => TokenKind.Minus,
                '.' or '[' => TokenKind.PathStep,
                _ => null,
            };
            if (single is null)
            {
                throw DynamoDbErrors.InvalidExpression(kind, $"Syntax error; token: \"{c}\", near: \"{source[start..System.Math.Min(source.Length, start + 3)]}\"");
            }

            tokens.Add(new ExpressionToken(single.Value, c.ToString(), start));
            i++;
        }

        tokens.Add(new ExpressionToken(TokenKind.End, "<EOF>", source.Length));
        return tokens;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
