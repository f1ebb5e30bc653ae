using System;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace RotationOps.Sandbox.DynamoDb.Items;

/// <summary>
/// A DynamoDB number: up to 38 significant digits, magnitudes from 1E-130 to below 1E+126, exact
/// (never a binary float). Kept normalised — significand without trailing zeros — because DynamoDB
/// trims leading and trailing zeros and returns "1.5" for "01.50"; so equal numbers are equal records.
/// </summary>
internal readonly partial record struct DynamoNumber(BigInteger Significand, int Exponent) : IComparable<DynamoNumber>
{
    private const int MaxDigits = 38;

    /// <summary>How many significant digits the number has (1 for zero).</summary>
    public int Digits => Significand.IsZero ? 1 : BigInteger.Abs(Significand).ToString(CultureInfo.InvariantCulture).Length;

    public static DynamoNumber Parse(string text)
    {
        var match = Syntax().Match(text);
        if (!match.Success)
        {
            throw DynamoDbErrors.Validation("The parameter cannot be converted to a numeric value");
        }

        var fraction = match.Groups["fraction"].Value;
        var digits = (match.Groups["integer"].Value + fraction).TrimStart('0');
        var exponent = (match.Groups["exponent"].Success ? int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture) : 0) - fraction.Length;
        var significand = digits.Length == 0 ? BigInteger.Zero : BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return Checked(match.Groups["sign"].Value == "-" ? -significand : significand, exponent);
    }

    public DynamoNumber Add(DynamoNumber other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        return Checked(Scaled(exponent) + other.Scaled(exponent), exponent);
    }

    public DynamoNumber Negate() => this with { Significand = -Significand };

    public int CompareTo(DynamoNumber other)
    {
        var exponent = Math.Min(Exponent, other.Exponent);
        return Scaled(exponent).CompareTo(other.Scaled(exponent));
    }

    /// <summary>The canonical text DynamoDB returns: plain decimal notation, no exponent, no redundant zeros.</summary>
    public override string ToString()
    {
        var digits = BigInteger.Abs(Significand).ToString(CultureInfo.InvariantCulture);
        var sign = Significand.Sign < 0 ? "-" : string.Empty;
        if (Exponent >= 0)
        {
            return sign + digits + new string('0', Significand.IsZero ? 0 : Exponent);
        }

        var point = digits.Length + Exponent;
        return point > 0
            ? $"{sign}{digits[..point]}.{digits[point..]}"
            : $"{sign}0.{new string('0', -point)}{digits}";
    }

    private BigInteger Scaled(int exponent) => Significand * BigInteger.Pow(10, Exponent - exponent);

    private static DynamoNumber Checked(BigInteger significand, int exponent)
    {
        if (significand.IsZero)
        {
            return new DynamoNumber(BigInteger.Zero, 0);
        }

        while (significand % 10 == 0)
        {
            significand /= 10;
            exponent++;
        }

        var number = new DynamoNumber(significand, exponent);
        if (number.Digits > MaxDigits)
        {
            throw DynamoDbErrors.Validation("Attempting to store more than 38 significant digits in a Number");
        }

        // The power of ten of the leading digit decides the range.
        var magnitude = number.Digits + exponent - 1;
        if (magnitude > 125)
        {
            throw DynamoDbErrors.Validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }

        return magnitude < -130
            ? throw DynamoDbErrors.Validation("Number underflow. Attempting to store a number with magnitude smaller than supported range")
            : number;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?:(?<integer>\d+)(?:\.(?<fraction>\d*))?|\.(?<fraction>\d+))(?:[eE](?<exponent>[+-]?\d{1,4}))?$")]
    private static partial Regex Syntax();
}
