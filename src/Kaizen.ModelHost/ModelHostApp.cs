using Kaizen.ModelHost.Endpoints;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost;

/// <summary>Builds the web application serving one <see cref="IChatClient"/> over Ollama's and OpenAI's APIs.</summary>
public static class ModelHostApp
{
    /// <summary>The start of the first stdout line, followed by the bound address.</summary>
    public const string ListeningPrefix = "Kaizen.ModelHost listening on ";

    /// <summary>Creates the application (not started) listening on <see cref="ModelHostOptions.Urls"/>; request log lines go to <paramref name="log"/>.</summary>
    public static WebApplication Build(ModelHostOptions options, IChatClient client, ServedModel model, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(ModelHostApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls([.. options.Urls]);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        // stdout carries only the address line; ASP.NET's own messages (warnings and worse) go to stderr.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(c => c.SingleLine = true);
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton(new ModelHostContext(client, model, options.Parallel, log));

        var app = builder.Build();
        OllamaEndpoints.Map(app);
        OpenAiEndpoints.Map(app);
        app.Lifetime.ApplicationStopped.Register(client.Dispose);
        return app;
    }

    /// <summary>The addresses the started <paramref name="app"/> listens on (with the real port when port 0 was asked for).</summary>
    public static IReadOnlyList<string> BoundAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
}
