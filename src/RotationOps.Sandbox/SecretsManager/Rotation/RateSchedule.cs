using System;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// <c>rate(N days)</c> (also what AutomaticallyAfterDays means) and <c>rate(N hours)</c>. A day
/// rate counts from the date of the last rotation and opens its window at midnight UTC, lasting
/// the rest of the day; an hour rate opens N whole hours on and lasts one hour. Duration overrides
/// the window length.
/// </summary>
internal sealed class RateSchedule(int value, bool inDays, TimeSpan? duration) : IRotationSchedule
{
    public int Value { get; } = value;

    public bool InDays { get; } = inDays;

    public RotationWindow? NextWindow(DateTimeOffset after)
    {
        var utc = after.ToUniversalTime();
        var opens = InDays
            ? new DateTimeOffset(utc.Date, TimeSpan.Zero).AddDays(Value)
            : new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(Value);
        var length = duration ?? (InDays ? TimeSpan.FromDays(1) : TimeSpan.FromHours(1));
        return new RotationWindow(opens, opens + length);
    }
}
