using System.Xml;
using RotationOps.Engine.Aws.Wire;

namespace RotationOps.Engine.Aws.Http;

/// <summary>
/// Errors of the awsQuery protocol: &lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;...
/// The first Error element anywhere is read, which also covers the &lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;
/// wrapping some query services and emulators use.
/// </summary>
internal sealed class AwsQueryErrorParser : IAwsErrorParser
{
    public static readonly AwsQueryErrorParser Instance = new AwsQueryErrorParser();

    private AwsQueryErrorParser()
    {
    }

    public string BodyFormat => "XML";

    public AwsErrorDetails Parse(AwsHttpResponse response)
    {
        string? code = null, message = null;
        if (response.Body.Length > 0)
        {
            try
            {
                using (XmlReader reader = XmlWire.Open(response.Body))
                    ReadFirstError(reader, ref code, ref message);
            }
            catch (XmlException)
            {
                // Not XML (an HTML error page, a truncated body): fall back to the status below.
            }
        }

        if (string.IsNullOrWhiteSpace(code))
            return AwsErrorDetails.FromStatus(response.StatusCode);
        return new AwsErrorDetails(code!, message ?? "");
    }

    private static void ReadFirstError(XmlReader reader, ref string? code, ref string? message)
    {
        do
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Error") continue;
            string? foundCode = null, foundMessage = null;
            XmlWire.ForEachChild(reader, child =>
            {
                if (child.LocalName == "Code") foundCode = XmlWire.Text(child);
                else if (child.LocalName == "Message") foundMessage = XmlWire.Text(child);
                else child.Skip();
            });
            code = foundCode;
            message = foundMessage;
            return;
        }
        while (reader.Read());
    }
}
