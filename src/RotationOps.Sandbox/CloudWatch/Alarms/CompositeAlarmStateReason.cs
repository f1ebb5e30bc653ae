using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace RotationOps.Sandbox.CloudWatch.Alarms;

/// <summary>
/// A composite alarm's StateReason and StateReasonData as CloudWatch words them: the child that
/// moved it, e.g. "arn:aws:cloudwatch:us-east-1:123456789012:alarm:orders-api-errors transitioned to
/// ALARM at Friday 04 August, 2023 12:54:46 UTC", and {"triggeringAlarms":[{"arn":...,"state":{"value":...,"timestamp":...}}]}.
/// </summary>
internal static class CompositeAlarmStateReason
{
    /// <summary>The reason for entering <paramref name="state"/>; a rule naming no alarm (TRUE, FALSE) says what it evaluated to (the Sandbox's wording).</summary>
    public static (string Reason, string? Data) For(AlarmState? trigger, string state)
    {
        if (trigger is null)
        {
            return ($"Alarm rule evaluated to {(state == AlarmStates.Alarm ? "TRUE" : "FALSE")}", null);
        }

        var at = trigger.StateTransitionedTimestamp.UtcDateTime;
        var reason = $"{trigger.Arn} transitioned to {trigger.StateValue} at {at.ToString("dddd dd MMMM, yyyy HH:mm:ss", CultureInfo.InvariantCulture)} UTC";
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("triggeringAlarms");
            json.WriteStartObject();
            json.WriteString("arn", trigger.Arn);
            json.WriteStartObject("state");
            json.WriteString("value", trigger.StateValue);
            json.WriteString("timestamp", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return (reason, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }
}
