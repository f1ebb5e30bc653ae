using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using RotationOps.Sandbox.CloudWatch.Metrics;
using RotationOps.Sandbox.Protocols;

namespace RotationOps.Sandbox.CloudWatch.Operations;

/// <summary>
/// GetMetricData for MetricStat queries (at most 500): per query, the periods that have data, newest
/// first unless ScanBy says otherwise. Results page by MaxDatapoints across all queries; a query cut
/// by the page says PartialData; while <see cref="MetricStore.ReadFailure"/> is set, the results it
/// matches say InternalError or Forbidden with a message and no points. Metric math (Expression) is not evaluated.
/// </summary>
internal sealed class GetMetricDataOperation(MetricStore metrics) : ICloudWatchOperation
{
    private const int MaxQueries = 500;
    private const long DefaultMaxDatapoints = 100_800;
    private const string TokenPrefix = "sandbox-gmd:";
    private static readonly Regex IdPattern = new("^[a-z][a-zA-Z0-9_]*$", RegexOptions.CultureInvariant);

    public string Name => "GetMetricData";

    public bool HasResult => true;

    public void Execute(IShapeReader input, IShapeWriter output, DateTimeOffset now)
    {
        var queries = input.StructureList("MetricDataQueries");
        if (queries is null || queries.Count == 0)
        {
            throw CloudWatchErrors.MissingParameter(input.PathOf("MetricDataQueries"));
        }

        if (queries.Count > MaxQueries)
        {
            throw CloudWatchErrors.Validation($"The collection MetricDataQueries must not have a size greater than {MaxQueries}.");
        }

        var start = CloudWatchInput.RequiredTimestamp(input, "StartTime");
        var end = CloudWatchInput.RequiredTimestamp(input, "EndTime");
        var ascending = ScanAscending(input);
        var maxDatapoints = input.Long("MaxDatapoints") ?? DefaultMaxDatapoints;
        if (maxDatapoints < 1)
        {
            throw CloudWatchErrors.InvalidParameterValue($"The parameter {input.PathOf("MaxDatapoints")} must be greater than 0.");
        }

        var offset = DecodeToken(input.String("NextToken"));
        var parsed = Parse(queries);
        if (start >= end)
        {
            throw CloudWatchErrors.StartNotBeforeEnd();
        }

        var failure = metrics.ReadFailure;
        var results = parsed.Where(q => q.ReturnData)
            .Select(q => (Query: q, Failed: failure is not null && failure.Matches(q.Metric) ? failure : null))
            .Select(r => (r.Query, r.Failed, Points: r.Failed is null ? Points(r.Query, start, end, now, ascending) : []))
            .ToList();
        var skip = offset;
        var room = maxDatapoints;
        output.StartList("MetricDataResults");
        foreach (var (query, failed, points) in results)
        {
            var skipped = (int)Math.Min(skip, points.Count);
            skip -= skipped;
            var page = points.Skip(skipped).Take((int)Math.Min(room, int.MaxValue)).ToList();
            room -= page.Count;
            output.StartItem();
            output.String("Id", query.Id);
            output.String("Label", query.Label);
            output.StartList("Timestamps");
            page.ForEach(p => output.TimestampItem(p.Timestamp));
            output.EndList();
            output.StartList("Values");
            page.ForEach(p => output.DoubleItem(p.Value));
            output.EndList();
            output.String("StatusCode", failed?.StatusCode ?? (skipped + page.Count < points.Count ? "PartialData" : "Complete"));
            output.StartList("Messages");
            if (failed is not null)
            {
                output.StartItem();
                output.String("Code", failed.StatusCode);
                output.String("Value", failed.Message);
                output.EndItem();
            }

            output.EndList();
            output.EndItem();
        }

        output.EndList();
        var total = results.Sum(r => (long)r.Points.Count);
        if (offset + maxDatapoints < total)
        {
            output.String("NextToken", EncodeToken(offset + maxDatapoints));
        }

        output.StartList("Messages");
        output.EndList();
    }

    private static bool ScanAscending(IShapeReader input) => input.String("ScanBy") switch
    {
        null or "TimestampDescending" => false,
        "TimestampAscending" => true,
        _ => throw CloudWatchErrors.ValueNotInSet(input.PathOf("ScanBy"), "TimestampDescending, TimestampAscending"),
    };

    /// <summary>Validates every query; Id and Stat problems are reported together, as AWS does.</summary>
    private static List<MetricQuery> Parse(IReadOnlyList<IShapeReader> queries)
    {
        var problems = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parsed = new List<MetricQuery>();
        foreach (var query in queries)
        {
            var id = CloudWatchInput.RequiredString(query, "Id");
            if (!IdPattern.IsMatch(id))
            {
                problems.Add($"The value {id} for parameter {query.PathOf("Id")} is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.");
            }
            else if (!seen.Add(id))
            {
                problems.Add($"The value {id} for parameter {query.PathOf("Id")} is not unique.");
            }

            if (query.Has("Expression"))
            {
                throw CloudWatchErrors.NotSupportedBySandbox(query.PathOf("Expression"), "metric math expressions");
            }

            var stat = query.Structure("MetricStat") ?? throw CloudWatchErrors.MissingParameter(query.PathOf("MetricStat"));
            var metric = stat.Structure("Metric") ?? throw CloudWatchErrors.MissingParameter(stat.PathOf("Metric"));
            var statName = CloudWatchInput.RequiredString(stat, "Stat");
            var statistic = CloudWatchInput.Statistic(statName);
            if (statistic is null && CloudWatchInput.IsExtendedStatistic(statName))
            {
                throw CloudWatchErrors.NotSupportedBySandbox(stat.PathOf("Stat"), $"the statistic {statName}");
            }

            if (statistic is null)
            {
                problems.Add($"The value {statName} for parameter {stat.PathOf("Stat")} is not a valid statistic.");
            }

            var identity = new MetricIdentity(
                CloudWatchInput.Namespace(metric), CloudWatchInput.RequiredString(metric, "MetricName"), CloudWatchInput.Dimensions(metric));
            parsed.Add(new MetricQuery(id, query.String("Label") ?? identity.MetricName, query.Bool("ReturnData") ?? true,
                identity, CloudWatchInput.Period(stat), statistic ?? MetricStatistic.Sum, CloudWatchInput.Unit(stat)));
        }

        return problems.Count > 0 ? throw CloudWatchErrors.Validation(string.Join('\n', problems)) : parsed;
    }

    private List<(DateTimeOffset Timestamp, double Value)> Points(MetricQuery query, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, bool ascending)
    {
        var points = metrics.Query(query.Metric, MetricWindow.AlignStart(start, query.Period, now), end, query.Period, query.Unit, now)
            .Select(s => (s.Timestamp, Value: s.Value(query.Statistic)))
            .ToList();
        if (!ascending)
        {
            points.Reverse();
        }

        return points;
    }

    private static string EncodeToken(long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(TokenPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static long DecodeToken(string? token)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith(TokenPrefix, StringComparison.Ordinal)
                && long.TryParse(text[TokenPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Not base64: the same answer as any other foreign token.
        }

        throw CloudWatchErrors.InvalidNextToken();
    }

    private sealed record MetricQuery(string Id, string Label, bool ReturnData, MetricIdentity Metric, TimeSpan Period, MetricStatistic Statistic, string? Unit);
}
