using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace Kaizen.ModelHost.Tests.Support;

/// <summary>One host per test class, started as a child process; the subclass picks the arguments.</summary>
public abstract class HostFixture : IAsyncLifetime
{
    private ModelHostProcess? _host;

    protected abstract IEnumerable<string> Arguments { get; }

    public ModelHostProcess Host => _host ?? throw new InvalidOperationException("The host has not started.");

    public async ValueTask InitializeAsync() => _host = await ModelHostProcess.StartAsync(Arguments);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>OllamaSharp's client as an <see cref="IChatClient"/> on the host.</summary>
    public OllamaApiClient Ollama(string? model = null) => new(Host.CreateHttpClient(), model ?? Host.ModelName);

    /// <summary>The OpenAI .NET client (through Microsoft.Extensions.AI.OpenAI) on the host's /v1.</summary>
    public IChatClient OpenAi(string? model = null) => OpenAiClient().GetChatClient(model ?? Host.ModelName).AsIChatClient();

    public OpenAIClient OpenAiClient() => new(new System.ClientModel.ApiKeyCredential("not-needed"),
        new OpenAIClientOptions { Endpoint = new Uri(Host.Address, "v1/"), NetworkTimeout = TimeSpan.FromMinutes(10) });
}

/// <summary>The scripted backend: instant, deterministic replies (see ScriptedBackend in the host).</summary>
public sealed class ScriptedHostFixture : HostFixture
{
    protected override IEnumerable<string> Arguments => ["--backend", "scripted"];
}

/// <summary>The scripted backend pausing 200 ms before each streamed update, so a client can cancel mid-stream.</summary>
public sealed class SlowScriptedHostFixture : HostFixture
{
    protected override IEnumerable<string> Arguments => ["--backend", "scripted", "--scripted-delay-ms", "200"];
}

/// <summary>The real model (TinyLlama from tools/model, installed by tools/model/install.sh).</summary>
public sealed class LocalHostFixture : HostFixture
{
    protected override IEnumerable<string> Arguments => ["--backend", "local"];
}

[CollectionDefinition(Name)]
public sealed class LocalModelHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "model host on the real model";
}
