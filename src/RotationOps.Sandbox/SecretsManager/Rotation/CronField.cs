using System;
using System.Collections.Generic;
using System.Globalization;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// One numeric field of an AWS cron expression: <c>*</c>, single values, <c>a-b</c> ranges,
/// <c>a/n</c> or <c>*/n</c> increments and comma lists, with optional JAN-DEC / SUN-SAT names.
/// </summary>
internal static class CronField
{
    public static SortedSet<int>? Parse(string text, int min, int max, string[]? names = null)
    {
        var values = new SortedSet<int>();
        foreach (var part in text.Split(','))
        {
            if (!AddPart(part, min, max, names, values))
            {
                return null;
            }
        }

        return values;
    }

    private static bool AddPart(string part, int min, int max, string[]? names, SortedSet<int> values)
    {
        var step = 1;
        var slash = part.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(part[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1)
            {
                return false;
            }

            part = part[..slash];
        }

        int from, to;
        if (part == "*")
        {
            (from, to) = (min, max);
        }
        else
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0)
            {
                if (Value(part[..dash], names, min) is not { } a || Value(part[(dash + 1)..], names, min) is not { } b)
                {
                    return false;
                }

                (from, to) = (a, b);
            }
            else
            {
                if (Value(part, names, min) is not { } single)
                {
                    return false;
                }

                // "a/n" runs from a to the end of the field.
                (from, to) = (single, slash >= 0 ? max : single);
            }
        }

        if (from < min || to > max || from > to)
        {
            return false;
        }

        for (var v = from; v <= to; v += step)
        {
            values.Add(v);
        }

        return true;
    }

    private static int? Value(string text, string[]? names, int min)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        var index = names is null ? -1 : Array.FindIndex(names, n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : min + index;
    }
}
