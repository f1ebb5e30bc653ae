using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace RotationOps.Sandbox.SecretsManager.Rotation;

/// <summary>
/// An AWS six-field <c>cron(Minutes Hours Day-of-month Month Day-of-week Year)</c> schedule in UTC.
/// One of the two day fields must be <c>?</c>; day-of-month also takes <c>L</c> and <c>nW</c>,
/// day-of-week (1 = SUN … 7 = SAT) takes <c>nL</c> and <c>n#k</c>. Windows open on the hour and
/// last one hour for a schedule with several hours a day, otherwise until the end of the day.
/// </summary>
internal sealed class CronSchedule : IRotationSchedule
{
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] DayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    /// <summary>How far ahead an occurrence is searched for; an expression firing less often is refused.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(5 * 366);

    private readonly SortedSet<int> months;
    private readonly SortedSet<int> years;
    private readonly Func<DateTime, bool> dayMatches;
    private readonly TimeSpan? duration;

    private CronSchedule(SortedSet<int> hours, SortedSet<int> months, SortedSet<int> years, Func<DateTime, bool> dayMatches, TimeSpan? duration)
    {
        Hours = hours;
        this.months = months;
        this.years = years;
        this.dayMatches = dayMatches;
        this.duration = duration;
    }

    public SortedSet<int> Hours { get; }

    /// <summary>A schedule firing more than once a day is "in hours": its default window is one hour.</summary>
    public bool IsHourly => Hours.Count > 1;

    /// <summary>The shortest gap between two firings, counting the wrap from the last hour to the next day's first.</summary>
    public TimeSpan ShortestGap
    {
        get
        {
            if (!IsHourly)
            {
                return TimeSpan.FromDays(1);
            }

            var hours = Hours.ToList();
            var gap = 24 - hours[^1] + hours[0];
            for (var i = 1; i < hours.Count; i++)
            {
                gap = Math.Min(gap, hours[i] - hours[i - 1]);
            }

            return TimeSpan.FromHours(gap);
        }
    }

    /// <summary>Parses the text inside <c>cron( )</c>; null when it is not a valid AWS cron expression.</summary>
    public static CronSchedule? Parse(string fieldsText, TimeSpan? duration)
    {
        // A single minute is required: several an hour would rotate more often than AWS allows.
        // The minute is only checked; rotation windows always open on the hour.
        var fields = fieldsText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 6
            || !int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var minute) || minute > 59
            || CronField.Parse(fields[1], 0, 23) is not { } hours
            || CronField.Parse(fields[3], 1, 12, MonthNames) is not { } months
            || CronField.Parse(fields[5], 1970, 2199) is not { } years
            || (fields[2] == "?") == (fields[4] == "?"))
        {
            return null;
        }

        var dayMatches = fields[2] == "?" ? DayOfWeekMatcher(fields[4]) : DayOfMonthMatcher(fields[2]);
        return dayMatches is null ? null : new CronSchedule(hours, months, years, dayMatches, duration);
    }

    /// <summary>The next window opening after <paramref name="after"/>, or null if none within five years.</summary>
    public RotationWindow? NextWindow(DateTimeOffset after)
    {
        var utc = after.UtcDateTime;
        for (var day = utc.Date; day <= utc.Date + Horizon; day = day.AddDays(1))
        {
            if (!years.Contains(day.Year) || !months.Contains(day.Month) || !dayMatches(day))
            {
                continue;
            }

            foreach (var hour in Hours)
            {
                var opens = new DateTimeOffset(day.AddHours(hour), TimeSpan.Zero);
                if (opens > after)
                {
                    return new RotationWindow(opens, opens + (duration ?? DefaultLength(hour)));
                }
            }
        }

        return null;
    }

    private TimeSpan DefaultLength(int startHour) => IsHourly ? TimeSpan.FromHours(1) : TimeSpan.FromHours(24 - startHour);

    private static Func<DateTime, bool>? DayOfMonthMatcher(string field)
    {
        if (field == "L")
        {
            return day => day.Day == DateTime.DaysInMonth(day.Year, day.Month);
        }

        if (field.EndsWith('W') && int.TryParse(field[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var target) && target is >= 1 and <= 31)
        {
            return day => day.Day == NearestWeekday(day.Year, day.Month, target);
        }

        var days = CronField.Parse(field, 1, 31);
        return days is null ? null : day => days.Contains(day.Day);
    }

    private static Func<DateTime, bool>? DayOfWeekMatcher(string field)
    {
        var hash = field.IndexOf('#', StringComparison.Ordinal);
        if (hash > 0)
        {
            var weekday = CronField.Parse(field[..hash], 1, 7, DayNames);
            if (weekday is not { Count: 1 } || !int.TryParse(field[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var nth) || nth is < 1 or > 5)
            {
                return null;
            }

            var dow = weekday.Min;
            return day => AwsDayOfWeek(day) == dow && (day.Day - 1) / 7 + 1 == nth;
        }

        if (field.Length > 1 && field.EndsWith('L'))
        {
            var weekday = CronField.Parse(field[..^1], 1, 7, DayNames);
            if (weekday is not { Count: 1 })
            {
                return null;
            }

            var dow = weekday.Min;
            return day => AwsDayOfWeek(day) == dow && day.Day + 7 > DateTime.DaysInMonth(day.Year, day.Month);
        }

        var days = CronField.Parse(field, 1, 7, DayNames);
        return days is null ? null : day => days.Contains(AwsDayOfWeek(day));
    }

    /// <summary>AWS numbers days of the week 1 (Sunday) to 7 (Saturday).</summary>
    private static int AwsDayOfWeek(DateTime day) => (int)day.DayOfWeek + 1;

    private static int NearestWeekday(int year, int month, int target)
    {
        var last = DateTime.DaysInMonth(year, month);
        var date = new DateTime(year, month, Math.Min(target, last), 0, 0, 0, DateTimeKind.Utc);
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.Day == 1 ? 3 : date.Day - 1,
            DayOfWeek.Sunday => date.Day == last ? date.Day - 2 : date.Day + 1,
            _ => date.Day,
        };
    }
}
