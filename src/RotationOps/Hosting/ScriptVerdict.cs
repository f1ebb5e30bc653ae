using System.Linq;
using System.Management.Automation;

namespace RotationOps.Commands.Hosting;

/// <summary>
/// How a user's script block says yes or no (-TestScript, -HealthScript): it passes unless it
/// throws or outputs $false. Must run on the pipeline thread.
/// </summary>
internal static class ScriptVerdict
{
    public static (bool Passed, string Detail) Run(ScriptBlock script, object argument, string what)
    {
        try
        {
            var output = script.Invoke(argument);
            return output.Any(o => o?.BaseObject is bool b && !b)
                ? (false, $"the {what} returned $false.")
                : (true, $"the {what} passed.");
        }
        catch (RuntimeException ex)
        {
            return (false, $"the {what} failed: {ex.Message}");
        }
    }
}
