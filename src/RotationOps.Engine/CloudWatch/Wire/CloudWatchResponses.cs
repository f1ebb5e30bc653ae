using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml;
using RotationOps.Engine.Aws.Http;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.CloudWatch.Wire;

/// <summary>
/// Reads CloudWatch's awsQuery answers: &lt;OpResponse&gt;&lt;OpResult&gt;...&lt;/OpResult&gt;&lt;ResponseMetadata/&gt;&lt;/OpResponse&gt;
/// in the http://monitoring.amazonaws.com/doc/2010-08-01/ namespace. Unknown elements are skipped.
/// </summary>
internal static class CloudWatchResponses
{
    public static AwsPage<MetricDataResult> MetricDataPage(AwsHttpResponse response)
    {
        var results = new List<MetricDataResult>();
        var callMessages = new List<MetricDataMessage>();
        string? nextToken = null;
        ReadResult(response, "GetMetricDataResult", field =>
        {
            if (field.LocalName == "MetricDataResults") results = XmlWire.Members(field, ReadMetricDataResult);
            else if (field.LocalName == "Messages") callMessages = XmlWire.Members(field, ReadMessage);
            else if (field.LocalName == "NextToken") nextToken = XmlWire.Text(field);
            else field.Skip();
        });
        // Messages about the whole call concern every result in it: each carries them as evidence.
        if (callMessages.Count > 0)
            foreach (MetricDataResult result in results) result.Messages = result.Messages.Concat(callMessages).ToList();
        return new AwsPage<MetricDataResult>(results, nextToken);
    }

    /// <summary>Composite alarms (the list comes first on the wire) then metric alarms, as one page.</summary>
    public static AwsPage<CloudWatchAlarm> AlarmPage(AwsHttpResponse response)
    {
        var alarms = new List<CloudWatchAlarm>();
        string? nextToken = null;
        ReadResult(response, "DescribeAlarmsResult", field =>
        {
            if (field.LocalName == "MetricAlarms") alarms.AddRange(XmlWire.Members(field, ReadAlarm));
            else if (field.LocalName == "CompositeAlarms") alarms.AddRange(XmlWire.Members(field, ReadCompositeAlarm));
            else if (field.LocalName == "NextToken") nextToken = XmlWire.Text(field);
            else field.Skip();
        });
        return new AwsPage<CloudWatchAlarm>(alarms, nextToken);
    }

    /// <summary>Calls <paramref name="readField"/> for each child of the &lt;OpResult&gt; element.</summary>
    private static void ReadResult(AwsHttpResponse response, string resultName, Action<XmlReader> readField)
    {
        bool found = false;
        using (XmlReader reader = XmlWire.Open(response.Body))
        {
            XmlWire.ForEachChild(reader, child =>
            {
                if (child.LocalName != resultName)
                {
                    child.Skip();
                    return;
                }
                found = true;
                XmlWire.ForEachChild(child, readField);
            });
        }
        if (!found) throw new XmlException($"The answer has no {resultName}.");
    }

    private static MetricDataResult ReadMetricDataResult(XmlReader member)
    {
        var result = new MetricDataResult();
        XmlWire.ForEachChild(member, field =>
        {
            switch (field.LocalName)
            {
                case "Id": result.Id = XmlWire.Text(field); break;
                case "Label": result.Label = XmlWire.Text(field); break;
                case "StatusCode": result.StatusCode = XmlWire.Text(field); break;
                case "Timestamps": result.Timestamps = XmlWire.Members(field, XmlWire.Timestamp); break;
                case "Values": result.Values = XmlWire.Members(field, XmlWire.Double); break;
                case "Messages": result.Messages = XmlWire.Members(field, ReadMessage); break;
                default: field.Skip(); break;
            }
        });
        if (result.Timestamps.Count != result.Values.Count)
            throw new XmlException("A metric data result has different numbers of timestamps and values.");
        return result;
    }

    /// <summary>MessageData: &lt;Code/&gt; and &lt;Value/&gt;.</summary>
    private static MetricDataMessage ReadMessage(XmlReader member)
    {
        string code = "", value = "";
        XmlWire.ForEachChild(member, field =>
        {
            if (field.LocalName == "Code") code = XmlWire.Text(field);
            else if (field.LocalName == "Value") value = XmlWire.Text(field);
            else field.Skip();
        });
        return new MetricDataMessage(code, value);
    }

    private static CloudWatchAlarm ReadCompositeAlarm(XmlReader member)
    {
        CloudWatchAlarm alarm = ReadAlarm(member);
        alarm.IsComposite = true;
        return alarm;
    }

    private static CloudWatchAlarm ReadAlarm(XmlReader member)
    {
        var alarm = new CloudWatchAlarm();
        XmlWire.ForEachChild(member, field =>
        {
            switch (field.LocalName)
            {
                case "AlarmName": alarm.AlarmName = XmlWire.Text(field); break;
                case "AlarmArn": alarm.AlarmArn = XmlWire.Text(field); break;
                case "StateValue": alarm.StateValue = XmlWire.Text(field); break;
                case "StateReason": alarm.StateReason = XmlWire.Text(field); break;
                case "StateUpdatedTimestamp": alarm.StateUpdatedTimestamp = XmlWire.Timestamp(field); break;
                case "MetricName": alarm.MetricName = XmlWire.Text(field); break;
                case "Namespace": alarm.Namespace = XmlWire.Text(field); break;
                case "Threshold": alarm.Threshold = XmlWire.Double(field); break;
                case "ComparisonOperator": alarm.ComparisonOperator = XmlWire.Text(field); break;
                case "AlarmRule": alarm.AlarmRule = XmlWire.Text(field); break;
                default: field.Skip(); break;
            }
        });
        return alarm;
    }
}
