using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Embeddings;

namespace Kaizen.Agents.Tests.Memory;

/// <summary>OllamaSharp against a loopback server that speaks Ollama's /api/embed wire format.</summary>
[Trait("Category", "memory-lib")]
public sealed class OllamaEmbedderTests
{
    [Fact]
    public async Task The_Ollama_embedder_is_called_over_HTTP_and_drives_cold_search()
    {
        await using var server = FakeOllamaEmbedServer.Start();
        await using var folder = new TempMemoryFolder();
        var memory = folder.Open(options: new MemoryOptions { EmbeddingGenerator = MemoryEmbedders.Ollama(server.BaseAddress) });
        await memory.StoreTurnAsync("user", "red apple", MemoryTestData.Start);
        await memory.StoreTurnAsync("user", "green pear", MemoryTestData.Start);

        var results = await memory.SearchColdAsync("pear please", 1, TestContext.Current.CancellationToken);

        results.Single().Turn.Content.Should().Be("green pear");
        server.Requests.Should().NotBeEmpty().And.OnlyContain(r => r.Path == "/api/embed" && r.Model == "nomic-embed-text");
        server.Requests.SelectMany(r => r.Inputs).Should().Contain(["red apple", "green pear", "pear please"]);
        memory.EmbeddingModelId.Should().Be("nomic-embed-text");
    }

    private sealed class FakeOllamaEmbedServer : IAsyncDisposable
    {
        private static readonly string[] Words = ["apple", "pear", "probe"];
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        private FakeOllamaEmbedServer(int port)
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(BaseAddress.ToString());
            _listener.Start();
            _loop = Task.Run(ServeAsync);
        }

        public Uri BaseAddress { get; }

        public List<(string Path, string Model, List<string> Inputs)> Requests { get; } = new();

        public static FakeOllamaEmbedServer Start()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return new FakeOllamaEmbedServer(port);
        }

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception) when (!_listener.IsListening)
                {
                    return;
                }

                var body = JsonNode.Parse(context.Request.InputStream)!;
                var inputs = body["input"] is JsonArray array ? array.Select(n => n!.GetValue<string>()).ToList() : [body["input"]!.GetValue<string>()];
                lock (Requests) Requests.Add((context.Request.Url!.AbsolutePath, body["model"]!.GetValue<string>(), inputs));
                var embeddings = inputs.Select(text => Words.Select(w => text.Contains(w, StringComparison.Ordinal) ? 1.0 : 0.0).ToArray());
                var response = JsonSerializer.SerializeToUtf8Bytes(new { model = body["model"]!.GetValue<string>(), embeddings });
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(response);
                context.Response.Close();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            await _loop;
            _listener.Close();
        }
    }
}
