using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Kaizen.Specs.Tools.Web;

/// <summary>
/// A small web server on a free loopback port that notes every request line it receives ("GET /report.csv"), whatever
/// the Host header says, so a scenario can tell whether a request left the agent. <c>/unavailable</c> answers 503; other
/// paths answer a GET with a small CSV report and a POST with 201 and the size of its body. One request per connection.
/// </summary>
public sealed class TestWebServer : IAsyncDisposable
{
    /// <summary>The report every GET of another path returns.</summary>
    public const string Report = "region,amount\nnorth,120\nsouth,95\n";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _serving;

    /// <summary>Starts listening on 127.0.0.1 on a free port.</summary>
    public TestWebServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _serving = ServeAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The address of its root, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    /// <summary>Every request line received so far ("GET /report.csv"), in order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Stops listening.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try { await _serving; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
            var requestLine = await reader.ReadLineAsync(_stop.Token);
            if (requestLine is null) return;
            var contentLength = 0;
            for (var header = await reader.ReadLineAsync(_stop.Token); !string.IsNullOrEmpty(header); header = await reader.ReadLineAsync(_stop.Token))
            {
                if (header.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase)) contentLength = int.Parse(header[15..].Trim());
            }
            var body = new char[contentLength];
            for (var read = 0; read < contentLength;) read += await reader.ReadAsync(body.AsMemory(read), _stop.Token);

            var parts = requestLine.Split(' ');
            _requests.Enqueue($"{parts[0]} {parts[1]}");
            var (status, text) = parts[1] == "/unavailable" ? ("503 Service Unavailable", "down for maintenance")
                : parts[0] == "POST" ? ("201 Created", $"received {contentLength} bytes")
                : ("200 OK", Report);
            var response = $"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\nContent-Length: {Encoding.ASCII.GetByteCount(text)}\r\nConnection: close\r\n\r\n{text}";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
        }
    }
}
