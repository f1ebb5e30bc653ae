using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RotationOps.Bench;

/// <summary>How big each measurement is. The defaults keep a full run under a minute on two cores.</summary>
/// <param name="SoakRotations">
/// Rotations of the soak under faults (<c>--soak R</c>); when set, the soak runs instead of the other
/// figures, as it takes minutes. 0, the default, leaves it out.
/// </param>
/// <param name="VerdictOnly">Only the canary verdict simulation (<c>--verdict</c>), the figures the README quotes.</param>
internal sealed record BenchOptions(int Functions, int Secrets, int JournalWriters, int JournalEntriesPerWriter, int SoakRotations = 0, bool VerdictOnly = false)
{
    public const string Usage = "usage: bench/run.sh [--quick] [--functions N] [--secrets M] | bench/run.sh --soak R | bench/run.sh --verdict";

    private static readonly BenchOptions Full = new(Functions: 200, Secrets: 100, JournalWriters: 8, JournalEntriesPerWriter: 1000);

    private static readonly BenchOptions Quick = new(Functions: 20, Secrets: 20, JournalWriters: 8, JournalEntriesPerWriter: 200);

    /// <summary>Reads the command line; <c>--quick</c> picks the small sizes, and explicit counts win over either.</summary>
    /// <exception cref="ArgumentException">An unknown argument or a count that is not a positive integer.</exception>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick") ? Quick : Full;
        for (var i = 0; i < args.Count; i++)
        {
            options = args[i] switch
            {
                "--quick" => options,
                "--functions" => options with { Functions = Count(args, ++i) },
                "--secrets" => options with { Secrets = Count(args, ++i) },
                "--soak" => options with { SoakRotations = Count(args, ++i) },
                "--verdict" => options with { VerdictOnly = true },
                var other => throw new ArgumentException($"Unknown argument '{other}'."),
            };
        }

        return options;
    }

    private static int Count(IReadOnlyList<string> args, int index) =>
        index < args.Count && int.TryParse(args[index], NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{args[index - 1]} needs a positive whole number.");
}
