using System.Globalization;

namespace RotationOps.Engine.Text;

/// <summary>
/// Shares of traffic and error rates as "5%" / "12.50%", the same on every machine: messages
/// and evidence are compared across runs and read in logs, so they must not follow the culture.
/// </summary>
public static class Percent
{
    public static string Of(double fraction, int decimals = 2) =>
        (fraction * 100).ToString("F" + decimals, CultureInfo.InvariantCulture) + "%";
}
