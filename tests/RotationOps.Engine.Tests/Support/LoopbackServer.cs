using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Tests.Support;

/// <summary>
/// A minimal HTTP/1.1 server on a 127.0.0.1 socket (one request per connection), for what a stub
/// handler cannot show: the bytes and Host header the socket handler really sends, and a
/// connection closed without an answer. (HttpListener cannot do the latter: its Abort answers 200.)
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
    private readonly Func<CapturedRequest, LoopbackAnswer?> _respond;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly Task _loop;

    public LoopbackServer(Func<CapturedRequest, LoopbackAnswer?> respond)
    {
        _respond = respond;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try { connection = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException || e is SocketException || e is ObjectDisposedException) { return; }

            using (connection)
            {
                NetworkStream stream = connection.GetStream();
                CapturedRequest request = await ReadRequestAsync(stream);
                LoopbackAnswer? answer = _respond(request);
                if (answer is null)
                {
                    connection.Client.LingerState = new LingerOption(true, 0); // RST: a reset, as a dying proxy would.
                    continue;
                }
                byte[] body = Encoding.UTF8.GetBytes(answer.Json);
                string head = $"HTTP/1.1 {answer.Status} X\r\nContent-Type: application/x-amz-json-1.1\r\nx-amzn-RequestId: {answer.RequestId}\r\n" +
                              $"Content-Length: {body.Length}\r\nConnection: close\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
                await stream.WriteAsync(body);
            }
        }
    }

    private async Task<CapturedRequest> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            int read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0) throw new IOException("client closed before sending a request");
            buffer.Write(chunk, 0, read);
        }
        string[] lines = Encoding.ASCII.GetString(buffer.GetBuffer(), 0, headerEnd).Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 1; i < lines.Length; i++)
        {
            int colon = lines[i].IndexOf(':');
            if (colon > 0) headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
        }
        int length = headers.TryGetValue("Content-Length", out string? value) ? int.Parse(value) : 0;
        while (buffer.Length < headerEnd + 4 + length)
        {
            int read = await stream.ReadAsync(chunk, _stop.Token);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
        }
        byte[] body = new byte[length];
        Array.Copy(buffer.GetBuffer(), headerEnd + 4, body, 0, length);
        return new CapturedRequest(new HttpMethod(requestLine[0]), new Uri(Url, requestLine[1]), headers, body);
    }

    private static int IndexOfHeaderEnd(MemoryStream buffer)
    {
        byte[] bytes = buffer.GetBuffer();
        for (int i = 0; i + 3 < buffer.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }
}
