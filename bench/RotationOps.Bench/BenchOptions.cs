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
/// <param name="VerdictCanaries">Canaries a case in the verdict's Sandbox cross-check (<c>--verdict-canaries N</c>).</param>
/// <param name="VerdictOnly">Only the canary verdict figures (<c>--verdict</c>), simulated and on the Sandbox, which the README quotes.</param>
internal sealed record BenchOptions(int Functions, int Secrets, int JournalWriters, int JournalEntriesPerWriter, int VerdictCanaries, int SoakRotations = 0,
    bool VerdictOnly = false)
{
    public const string Usage = "usage: bench/run.sh [--quick] [--functions N] [--secrets M] [--verdict-canaries C] | bench/run.sh --soak R | bench/run.sh --verdict [--verdict-canaries C]";

    private static readonly BenchOptions Full = new(Functions: 200, Secrets: 100, JournalWriters: 8, JournalEntriesPerWriter: 1000, VerdictCanaries: 200);

    private static readonly BenchOptions Quick = new(Functions: 20, Secrets: 20, JournalWriters: 8, JournalEntriesPerWriter: 200, VerdictCanaries: 20);

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
                "--verdict-canaries" => options with { VerdictCanaries = Count(args, ++i) },
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
