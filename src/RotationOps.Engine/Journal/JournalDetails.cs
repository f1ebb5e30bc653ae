using System.Collections.Generic;
using System.Linq;

namespace RotationOps.Engine.Journal;

public static class JournalDetails
{
    /// <summary>A details dictionary from pairs, leaving out the null values.</summary>
    public static Dictionary<string, string> Of(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value != null).ToDictionary(p => p.Key, p => p.Value!);
}
