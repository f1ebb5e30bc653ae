using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using RotationOps.Sandbox.Protocols.AwsJson;

namespace RotationOps.Sandbox.Lambda;

/// <summary>One statement of a function's resource-based policy, as AddPermission makes it.</summary>
internal sealed record PolicyStatement(string Sid, string Principal, string Action, string Resource, string? SourceArn, string? SourceAccount)
{
    /// <summary>Whether the statement lets <paramref name="principal"/> invoke the function.</summary>
    public bool GrantsInvoke(string principal) =>
        (Principal == principal || Principal == "*") && Action is "lambda:InvokeFunction" or "lambda:*" or "*";

    /// <summary>The statement's members as IAM spells them: service principals, account principals as root ARNs, conditions.</summary>
    public void WriteMembers(Utf8JsonWriter writer)
    {
        writer.WriteString("Sid", Sid);
        writer.WriteString("Effect", "Allow");
        if (Principal == "*")
        {
            writer.WriteString("Principal", "*");
        }
        else
        {
            writer.WriteStartObject("Principal");
            if (Principal.Length == 12 && Principal.All(char.IsAsciiDigit))
            {
                writer.WriteString("AWS", $"arn:aws:iam::{Principal}:root");
            }
            else
            {
                writer.WriteString(Principal.StartsWith("arn:", StringComparison.Ordinal) ? "AWS" : "Service", Principal);
            }

            writer.WriteEndObject();
        }

        writer.WriteString("Action", Action);
        writer.WriteString("Resource", Resource);
        if (SourceArn is not null || SourceAccount is not null)
        {
            writer.WriteStartObject("Condition");
            if (SourceAccount is not null)
            {
                writer.WriteStartObject("StringEquals");
                writer.WriteString("AWS:SourceAccount", SourceAccount);
                writer.WriteEndObject();
            }

            if (SourceArn is not null)
            {
                writer.WriteStartObject("ArnLike");
                writer.WriteString("AWS:SourceArn", SourceArn);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
        }
    }

    public string ToJson() => Encoding.UTF8.GetString(AwsJsonOutput.Render(WriteMembers).Span);
}
