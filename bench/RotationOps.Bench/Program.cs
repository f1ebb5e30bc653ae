using System;
using RotationOps.Bench;

// Figures only, no verdicts: a run is compared with earlier runs, not with a threshold.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

var table = new FigureTable();
if (options.SoakRotations > 0)
{
    await SoakBench.RunAsync(options.SoakRotations, table);
    table.Write(Console.Out);
    return 0;
}

if (options.VerdictOnly)
{
    await VerdictSimulationBench.RunAsync(table);
    await VerdictOnSandboxBench.RunAsync(options.VerdictCanaries, table);
    table.Write(Console.Out);
    return 0;
}

await FleetCanaryBench.RunAsync(options.Functions, table);
await ServiceRotationBench.RunAsync(options.Secrets, table);
JournalAppendBench.Run(options.JournalWriters, options.JournalEntriesPerWriter, table);
await VerdictSimulationBench.RunAsync(table);
await VerdictOnSandboxBench.RunAsync(options.VerdictCanaries, table);
table.Write(Console.Out);
return 0;
