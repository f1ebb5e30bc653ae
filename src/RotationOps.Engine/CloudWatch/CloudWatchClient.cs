using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using RotationOps.Engine.Aws;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;
using RotationOps.Engine.CloudWatch.Wire;

namespace RotationOps.Engine.CloudWatch;

/// <summary>
/// CloudWatch over awsQuery (POST / with a form body, XML answers), signed with SigV4 as "monitoring"
/// and retried by the shared <see cref="AwsHttpInvoker"/> (Throttling, 5xx, timeouts, resets). The
/// reads are retried on all of those; PutMetricData only when throttled, since a resend of a point
/// that did arrive would count it twice.
/// </summary>
public sealed class CloudWatchClient : AwsServiceClient, ICloudWatchClient
{
    private static readonly AwsQueryProtocol Protocol = new AwsQueryProtocol("2010-08-01");

    private CloudWatchClient(AwsHttpInvoker invoker)
        : base(invoker)
    {
    }

    /// <summary>
    /// Resolves credentials, region and endpoint now, and reports them on <paramref name="verbose"/>.
    /// Retry waits run on <paramref name="time"/>; per-attempt timeouts on real time.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The connection settings cannot work.</exception>
    public static ICloudWatchClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose) =>
        Create(options, time, verbose, AwsHttpTransport.Shared, null);

    /// <summary>For tests: a stub transport and a seeded jitter source.</summary>
    internal static CloudWatchClient Create(AwsConnectionOptions options, TimeProvider time, Action<string>? verbose,
        HttpClient http, Random? jitter) =>
        new CloudWatchClient(AwsHttpInvoker.Connect(AwsService.CloudWatch, Protocol.ErrorParser, options, time, verbose, http, jitter));

    /// <summary>
    /// One result per query id, in the order CloudWatch first returns them (newest point first, its
    /// default). A result spread over several pages is joined into one.
    /// </summary>
    public async Task<IReadOnlyList<MetricDataResult>> GetMetricDataAsync(IReadOnlyList<MetricDataQuery> queries,
        DateTimeOffset startTime, DateTimeOffset endTime, CancellationToken cancellationToken)
    {
        if (queries is null) throw new ArgumentNullException(nameof(queries));
        if (queries.Count > CloudWatchRequests.MaxQueries)
            throw new ArgumentException($"GetMetricData takes at most {CloudWatchRequests.MaxQueries} queries; {queries.Count} were given.", nameof(queries));
        if (queries.Count == 0) return Array.Empty<MetricDataResult>();

        string target = queries.Count == 1 ? queries[0].Id : $"{queries.Count} queries";
        List<MetricDataResult> pages = await AwsPaging.CollectAsync(AwsService.CloudWatch, "GetMetricData", "NextToken", token =>
            CallAsync("GetMetricData", target,
                CloudWatchRequests.GetMetricData(Protocol.StartForm("GetMetricData"), queries, startTime, endTime, token),
                CloudWatchResponses.MetricDataPage, cancellationToken)).ConfigureAwait(false);
        return JoinById(pages);
    }

    public async Task PutMetricDataAsync(string metricNamespace, IReadOnlyList<MetricDatum> data, CancellationToken cancellationToken)
    {
        if (metricNamespace is null) throw new ArgumentNullException(nameof(metricNamespace));
        if (data is null) throw new ArgumentNullException(nameof(data));
        if (data.Count == 0 || data.Count > CloudWatchRequests.MaxMetricData)
            throw new ArgumentException($"PutMetricData takes 1 to {CloudWatchRequests.MaxMetricData} points; {data.Count} were given.", nameof(data));
        using (AwsHttpRequest request = Protocol.CreateRequest("PutMetricData", metricNamespace,
                   CloudWatchRequests.PutMetricData(Protocol.StartForm("PutMetricData"), metricNamespace, data)))
        {
            request.SafeToResend = false;
            // The answer holds only ResponseMetadata: a 200 is the whole news.
            using (await Invoker.SendAsync(request, cancellationToken).ConfigureAwait(false))
            {
            }
        }
    }

    /// <summary>
    /// The metric and composite alarms among <paramref name="alarmNames"/>; names without an alarm are simply absent.
    /// No names means no call: DescribeAlarms without names would list every alarm in the account.
    /// </summary>
    public async Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsAsync(IReadOnlyList<string> alarmNames, CancellationToken cancellationToken)
    {
        if (alarmNames is null) throw new ArgumentNullException(nameof(alarmNames));
        var alarms = new List<CloudWatchAlarm>();
        // Distinct first: a name repeated across two chunks would return its alarm twice.
        string[] names = alarmNames.Distinct(StringComparer.Ordinal).ToArray();
        for (int start = 0; start < names.Length; start += CloudWatchRequests.MaxAlarmNames)
        {
            string[] chunk = names.Skip(start).Take(CloudWatchRequests.MaxAlarmNames).ToArray();
            string target = chunk.Length == 1 ? chunk[0] : $"{chunk.Length} alarms";
            alarms.AddRange(await AwsPaging.CollectAsync(AwsService.CloudWatch, "DescribeAlarms", "NextToken", token =>
                CallAsync("DescribeAlarms", target, CloudWatchRequests.DescribeAlarms(Protocol.StartForm("DescribeAlarms"), chunk, token),
                    CloudWatchResponses.AlarmPage, cancellationToken)).ConfigureAwait(false));
        }
        return alarms;
    }

    /// <summary>An empty prefix lists from the start of the account's alarms (AWS refuses an empty AlarmNamePrefix, so none is sent).</summary>
    public async Task<IReadOnlyList<CloudWatchAlarm>> DescribeAlarmsByPrefixAsync(string alarmNamePrefix, int maxRecords, CancellationToken cancellationToken)
    {
        if (alarmNamePrefix is null) throw new ArgumentNullException(nameof(alarmNamePrefix));
        if (maxRecords < 1 || maxRecords > CloudWatchRequests.MaxAlarmNames)
            throw new ArgumentOutOfRangeException(nameof(maxRecords), maxRecords, $"Between 1 and {CloudWatchRequests.MaxAlarmNames}.");
        AwsPage<CloudWatchAlarm> page = await CallAsync("DescribeAlarms", alarmNamePrefix + "*",
            CloudWatchRequests.DescribeAlarmsByPrefix(Protocol.StartForm("DescribeAlarms"), alarmNamePrefix, maxRecords),
            CloudWatchResponses.AlarmPage, cancellationToken).ConfigureAwait(false);
        return page.Items;
    }

    private async Task<T> CallAsync<T>(string operation, string targetId, UrlEncodedText form, AwsResponseReader<T> read,
        CancellationToken cancellationToken)
    {
        using (AwsHttpRequest request = Protocol.CreateRequest(operation, targetId, form))
            return await Invoker.SendAsync(request, read, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// GetMetricData pages split a long series: the same id comes back on several pages, PartialData
    /// until its last one. The points and messages are joined in page order; the last status is the
    /// one that holds, except that InternalError or Forbidden on any page sticks: those points are
    /// missing whatever later pages say.
    /// </summary>
    private static List<MetricDataResult> JoinById(List<MetricDataResult> pages)
    {
        var joined = new List<MetricDataResult>();
        var byId = new Dictionary<string, (MetricDataResult Result, List<DateTimeOffset> Timestamps, List<double> Values)>(StringComparer.Ordinal);
        foreach (MetricDataResult part in pages)
        {
            if (!byId.TryGetValue(part.Id, out var entry))
            {
                entry = (new MetricDataResult { Id = part.Id, Label = part.Label }, new List<DateTimeOffset>(), new List<double>());
                entry.Result.Timestamps = entry.Timestamps;
                entry.Result.Values = entry.Values;
                byId.Add(part.Id, entry);
                joined.Add(entry.Result);
            }
            entry.Timestamps.AddRange(part.Timestamps);
            entry.Values.AddRange(part.Values);
            if (part.Messages.Count > 0) entry.Result.Messages = entry.Result.Messages.Concat(part.Messages).ToList();
            if (entry.Result.StatusCode is not ("InternalError" or "Forbidden")) entry.Result.StatusCode = part.StatusCode;
            entry.Result.Label ??= part.Label;
        }
        return joined;
    }
}
