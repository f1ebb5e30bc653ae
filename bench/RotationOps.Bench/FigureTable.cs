using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace RotationOps.Bench;

/// <summary>The figures of a run, printed as one aligned table: benchmark, figure, value.</summary>
internal sealed class FigureTable
{
    private readonly List<(string Benchmark, string Figure, string Value)> rows = new();

    /// <summary>Adds a figure; the value is formatted culture-invariantly, so runs compare across machines.</summary>
    public void Add(string benchmark, string figure, FormattableString value) =>
        rows.Add((benchmark, figure, FormattableString.Invariant(value)));

    public void Write(TextWriter output)
    {
        var benchmarkWidth = rows.Max(r => r.Benchmark.Length);
        var figureWidth = rows.Max(r => r.Figure.Length);
        string? previous = null;
        foreach (var (benchmark, figure, value) in rows)
        {
            // The benchmark's name heads its first row only, so each block reads as one group.
            var label = benchmark == previous ? string.Empty : benchmark;
            output.WriteLine($"{label.PadRight(benchmarkWidth)}  {figure.PadRight(figureWidth)}  {value}");
            previous = benchmark;
        }
    }
}
