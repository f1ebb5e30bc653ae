using System;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using Microsoft.AspNetCore.Http;
using RotationOps.Sandbox.Errors;

namespace RotationOps.Sandbox.Protocols.AwsQuery;

/// <summary>
/// Writes awsQuery replies: <c>&lt;{Op}Response&gt;&lt;{Op}Result&gt;…&lt;/{Op}Result&gt;&lt;ResponseMetadata&gt;</c>
/// and the <c>&lt;ErrorResponse&gt;</c> body, both carrying the request id the dispatcher assigned.
/// </summary>
internal static class AwsQueryOutput
{
    public const string ContentType = "text/xml";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

    /// <summary>
    /// Renders a reply: <paramref name="write"/> fills in the members of the result, which is wrapped
    /// in <c>&lt;{Op}Result&gt;</c> only when the operation has an output shape.
    /// </summary>
    public static ReadOnlyMemory<byte> Render(string xmlNamespace, string operation, string requestId, bool hasResult, Action<IShapeWriter> write) =>
        Document(xml =>
        {
            xml.WriteStartElement(operation + "Response", xmlNamespace);
            if (hasResult)
            {
                xml.WriteStartElement(operation + "Result");
            }

            write(new AwsQueryXmlWriter(xml));
            if (hasResult)
            {
                xml.WriteFullEndElement();
            }

            xml.WriteStartElement("ResponseMetadata");
            xml.WriteElementString("RequestId", requestId);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });

    public static async Task WriteAsync(HttpResponse response, int statusCode, ReadOnlyMemory<byte> body)
    {
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body);
    }

    /// <summary>The request id the dispatcher put on the reply, which the XML body repeats.</summary>
    public static string RequestIdOf(HttpResponse response) => response.Headers["x-amzn-RequestId"].ToString();

    /// <summary><c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type&gt;Sender|Receiver&lt;/Type&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;</c>.</summary>
    public static Task WriteErrorAsync(HttpResponse response, string xmlNamespace, string code, string message, int statusCode)
    {
        var body = Document(xml =>
        {
            xml.WriteStartElement("ErrorResponse", xmlNamespace);
            xml.WriteStartElement("Error");
            xml.WriteElementString("Type", FaultOf(statusCode));
            xml.WriteElementString("Code", code);
            xml.WriteElementString("Message", message);
            xml.WriteEndElement();
            xml.WriteElementString("RequestId", RequestIdOf(response));
            xml.WriteEndElement();
        });
        return WriteAsync(response, statusCode, body);
    }

    /// <summary>Who AWS blames for an error: the caller for 4xx, the service for 5xx.</summary>
    public static string FaultOf(int statusCode) => statusCode >= 500 ? "Receiver" : "Sender";

    /// <summary>The awsQuery spelling of an error from the signature-checking front door, which query services answer with 403.</summary>
    public static (string Code, int StatusCode) AuthenticationError(AwsErrorException error) => error.Code switch
    {
        "MissingAuthenticationTokenException" => ("MissingAuthenticationToken", 403),
        "UnrecognizedClientException" => ("InvalidClientTokenId", 403),
        "InvalidSignatureException" => ("SignatureDoesNotMatch", 403),
        "IncompleteSignatureException" => ("IncompleteSignature", 403),
        _ => (error.Code, error.StatusCode),
    };

    private static ReadOnlyMemory<byte> Document(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            write(xml);
        }

        return buffer.ToArray();
    }
}
