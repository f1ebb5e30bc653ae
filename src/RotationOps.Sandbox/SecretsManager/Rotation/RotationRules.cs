using System;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RotationOps.Sandbox.Errors;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// A validated RotationRules structure: AutomaticallyAfterDays (1–1000) or a ScheduleExpression
/// (never both), an optional Duration window, and never more often than every four hours.
/// </summary>
internal sealed partial class RotationRules
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromHours(4);

    private RotationRules(long? automaticallyAfterDays, string? duration, string? scheduleExpression, IRotationSchedule schedule)
    {
        AutomaticallyAfterDays = automaticallyAfterDays;
        Duration = duration;
        ScheduleExpression = scheduleExpression;
        Schedule = schedule;
    }

    public long? AutomaticallyAfterDays { get; }

    public string? Duration { get; }

    public string? ScheduleExpression { get; }

    public IRotationSchedule Schedule { get; }

    public static RotationRules Parse(AwsJsonInput input, DateTimeOffset now)
    {
        var days = input.Long("AutomaticallyAfterDays", long.MinValue, long.MaxValue);
        var duration = input.String("Duration");
        var expression = input.String("ScheduleExpression");
        if (days is not null && expression is not null)
        {
            throw Invalid("You cannot specify both rotation frequency and schedule expression together.");
        }

        if (days is null && expression is null)
        {
            throw Invalid("RotationRules must contain either AutomaticallyAfterDays or ScheduleExpression.");
        }

        if (days is < 1 or > 1000)
        {
            throw Invalid("The AutomaticallyAfterDays value must be between 1 and 1000 days.");
        }

        var window = ParseDuration(duration);
        var schedule = days is { } d ? new RateSchedule((int)d, inDays: true, window) : ParseExpression(expression!, window);
        CheckWindowFits(schedule, window);
        if (schedule.NextWindow(now) is null)
        {
            throw Invalid($"The schedule expression {expression} has no upcoming rotation window.");
        }

        return new RotationRules(days, duration, expression, schedule);
    }

    /// <summary>
    /// Writes the structure as DescribeSecret shows it. For a rate() expression AWS also reports
    /// the interval in whole days as AutomaticallyAfterDays.
    /// </summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("RotationRules");
        var days = AutomaticallyAfterDays ?? (Schedule is RateSchedule rate ? (rate.InDays ? rate.Value : (rate.Value + 23) / 24) : null);
        if (days is { } shown)
        {
            writer.WriteNumber("AutomaticallyAfterDays", shown);
        }

        writer.WriteStringIfSet("Duration", Duration);
        writer.WriteStringIfSet("ScheduleExpression", ScheduleExpression);
        writer.WriteEndObject();
    }

    private static TimeSpan? ParseDuration(string? duration)
    {
        if (duration is null)
        {
            return null;
        }

        if (!DurationPattern().IsMatch(duration)
            || !int.TryParse(duration[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || hours is < 1 or > 24)
        {
            throw Invalid($"The Duration value {duration} isn't valid. Specify a whole number of hours from 1h to 24h, such as 3h.");
        }

        return TimeSpan.FromHours(hours);
    }

    private static IRotationSchedule ParseExpression(string expression, TimeSpan? window)
    {
        var rate = RatePattern().Match(expression);
        if (rate.Success)
        {
            if (!int.TryParse(rate.Groups["value"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                throw InvalidExpression(expression);
            }

            var inDays = rate.Groups["unit"].Value.StartsWith("day", StringComparison.Ordinal);
            if (!inDays && value < MinimumInterval.TotalHours)
            {
                throw TooFrequent(expression);
            }

            if (inDays && value > 999)
            {
                throw Invalid($"The schedule expression {expression} is too long. The maximum rotation period is 999 days.");
            }

            return new RateSchedule(value, inDays, window);
        }

        var cron = CronPattern().Match(expression);
        var schedule = cron.Success ? CronSchedule.Parse(cron.Groups["fields"].Value, window) : null;
        if (schedule is null)
        {
            throw InvalidExpression(expression);
        }

        return schedule.ShortestGap < MinimumInterval ? throw TooFrequent(expression) : schedule;
    }

    /// <summary>A window must not run into the next window, nor (for a daily schedule) into the next UTC day.</summary>
    private static void CheckWindowFits(IRotationSchedule schedule, TimeSpan? window)
    {
        if (window is not { } length)
        {
            return;
        }

        var fits = schedule switch
        {
            RateSchedule { InDays: true } => length <= TimeSpan.FromDays(1),
            RateSchedule rate => length <= TimeSpan.FromHours(rate.Value),
            CronSchedule { IsHourly: true } cron => length <= cron.ShortestGap,
            CronSchedule cron => TimeSpan.FromHours(cron.Hours.Min) + length <= TimeSpan.FromDays(1),
            _ => true,
        };
        if (!fits)
        {
            throw Invalid("The rotation window can't extend into the next rotation window or the next UTC day. Shorten the Duration.");
        }
    }

    private static AwsErrorException InvalidExpression(string expression) =>
        Invalid($"The schedule expression {expression} isn't valid. Use a rate() expression in hours or days, or a six-field cron() expression.");

    private static AwsErrorException TooFrequent(string expression) =>
        Invalid($"The schedule expression {expression} rotates too often. You can rotate a secret at most every four hours.");

    private static AwsErrorException Invalid(string message) => SecretsManagerErrors.InvalidRotationRules(message);

    [GeneratedRegex("^[0-9]+h$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^rate\((?<value>[0-9]+) (?<unit>hours?|days?)\)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex(@"^cron\((?<fields>[^()]+)\)$")]
    private static partial Regex CronPattern();
}
