using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kaizen.Agents.Llm;

/// <summary>
/// HTTP handler that keeps Ollama's error text: OllamaSharp reports only the status code, while the server explains
/// the cause in an <c>{"error": "…"}</c> body (e.g. "model … not found, try pulling it first"). It also checks every
/// line of a <c>/api/chat</c> reply before OllamaSharp reads it: a line that is not JSON, or a reply without its final
/// <c>"done": true</c> line (an empty body, a cut stream), becomes a transient <see cref="LlmProviderException"/> naming
/// the endpoint and quoting the server; tool-call arguments sent as a JSON string are turned into the object they hold.
/// </summary>
internal sealed class OllamaErrorBodyHandler(HttpMessageHandler inner, string? endpoint = null) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            if (request.RequestUri?.AbsolutePath.EndsWith("/api/chat", StringComparison.Ordinal) == true)
                response.Content = new CheckedChatContent(response.Content, endpoint ?? request.RequestUri.GetLeftPart(UriPartial.Authority));
            return response;
        }
        string? detail = null;
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out var error)) detail = error.GetString();
        }
        catch (JsonException) { }
        var status = response.StatusCode;
        response.Dispose();
        throw new HttpRequestException($"HTTP {(int)status} from {request.RequestUri?.AbsolutePath}: {detail ?? status.ToString()}", null, status);
    }

    /// <summary>The reply body, checked and normalised line by line as it is read (streaming stays streaming).</summary>
    private sealed class CheckedChatContent : HttpContent
    {
        private readonly HttpContent _inner;
        private readonly string _endpoint;

        public CheckedChatContent(HttpContent inner, string endpoint)
        {
            _inner = inner;
            _endpoint = endpoint;
            foreach (var header in inner.Headers) Headers.TryAddWithoutValidation(header.Key, header.Value);
            Headers.ContentLength = null; // the rewritten body can differ in length
        }

        protected override async Task<Stream> CreateContentReadStreamAsync() =>
            new CheckedLineStream(await _inner.ReadAsStreamAsync().ConfigureAwait(false), _endpoint);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
        {
            var source = await CreateContentReadStreamAsync().ConfigureAwait(false);
            await using var sourceLifetime = source.ConfigureAwait(false);
            await source.CopyToAsync(stream).ConfigureAwait(false);
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    private sealed class CheckedLineStream(Stream inner, string endpoint) : Stream
    {
        private readonly StreamReader _reader = new(inner, new UTF8Encoding(false));
        private byte[] _pending = [];
        private int _offset;
        private bool _sawDone;
        private bool _ended;
        private int _lines;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            while (_offset >= _pending.Length)
            {
                if (_ended) return 0;
                string? line;
                try
                {
                    line = await _reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is IOException or HttpRequestException)
                {
                    throw new LlmProviderException(
                        $"The connection to Ollama at {endpoint} failed or dropped mid-response: {ex.Message}. Is `ollama serve` still running?",
                        LlmProviders.Ollama, isTransient: true, ex);
                }
                if (line is null)
                {
                    _ended = true;
                    if (!_sawDone)
                        throw new LlmProviderException(_lines == 0
                                ? $"Ollama at {endpoint} sent an empty reply (HTTP 200 with no body). The server or a proxy in between may have cut the connection; the call is retried."
                                : $"The connection to Ollama at {endpoint} failed or dropped mid-response: the stream ended without its final \"done\" message. Is `ollama serve` still running?",
                            LlmProviders.Ollama, isTransient: true);
                    return 0;
                }
                _pending = Encoding.UTF8.GetBytes(Check(line) + "\n");
                _offset = 0;
            }
            var count = Math.Min(buffer.Length, _pending.Length - _offset);
            _pending.AsMemory(_offset, count).CopyTo(buffer);
            _offset += count;
            return count;
        }

        private string Check(string line)
        {
            if (line.Trim().Length == 0) return line;
            _lines++;
            JsonNode? node;
            try
            {
                node = JsonNode.Parse(line);
            }
            catch (JsonException ex)
            {
                throw new LlmProviderException(
                    $"Ollama at {endpoint} sent a reply that is not valid JSON ({ex.Message}): \"{Snippet(line)}\". " +
                    "Check that the endpoint is an Ollama server and not a proxy or web page; the call is retried.",
                    LlmProviders.Ollama, isTransient: true, ex);
            }
            if (node is not JsonObject json) return line;
            if (json["done"] is JsonValue done && done.TryGetValue<bool>(out var isDone) && isDone) _sawDone = true;
            if (json["error"] is JsonValue error && error.TryGetValue<string>(out var message))
                throw new LlmProviderException($"Ollama at {endpoint} reported an error mid-reply: {message}", LlmProviders.Ollama, isTransient: true);
            var changed = false;
            if (json["message"]?["tool_calls"] is JsonArray calls)
            {
                foreach (var call in calls.OfType<JsonObject>())
                {
                    if (call["function"] is not JsonObject function || function["arguments"] is not JsonValue text || !text.TryGetValue<string>(out var raw)) continue;
                    JsonNode? parsed;
                    try { parsed = JsonNode.Parse(raw.Length == 0 ? "{}" : raw); }
                    catch (JsonException) { parsed = null; }
                    // Arguments that are not a JSON object are left as they are; the reply then fails as unreadable.
                    if (parsed is not JsonObject) continue;
                    function["arguments"] = parsed;
                    changed = true;
                }
            }
            return changed ? json.ToJsonString() : line;
        }

        private static string Snippet(string text) => text.Length <= 200 ? text : text[..200] + "…";

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _reader.Dispose();
            base.Dispose(disposing);
        }
    }
}
