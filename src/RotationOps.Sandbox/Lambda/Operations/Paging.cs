using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace RotationOps.Sandbox.Lambda.Operations;

/// <summary>
/// Marker/MaxItems paging of Lambda's list operations. Lambda returns at most 50 items a page
/// whatever MaxItems asks for; the marker is opaque to callers.
/// </summary>
internal static class Paging
{
    public const int PageCap = 50;

    public static (IReadOnlyList<T> Page, string? NextMarker) Take<T>(IReadOnlyList<T> items, LambdaCall call)
    {
        var size = Math.Min(call.QueryInt("MaxItems", 1, 10000) ?? PageCap, PageCap);
        var start = call.Query("Marker") is { } marker ? Decode(marker) : 0;
        var page = items.Skip(start).Take(size).ToList();
        var next = start + page.Count;
        return (page, next < items.Count ? Encode(next) : null);
    }

    private static string Encode(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes("next:" + index.ToString(CultureInfo.InvariantCulture)));

    private static int Decode(string marker)
    {
        try
        {
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(marker));
            if (text.StartsWith("next:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                return index;
            }
        }
        catch (FormatException)
        {
            // Falls through to the refusal below.
        }

        throw LambdaErrors.InvalidMarker(marker);
    }
}
