using Kaizen.ModelHost;
using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel;
using Kaizen.ModelHost.Backends;

// Kaizen.ModelHost: one chat model behind Ollama's API and OpenAI's chat-completions API, on loopback.
// Exit codes: 0 normal stop, 2 bad command line or the model cannot be served, 3 the address cannot be bound.

ModelHostOptions options;
try
{
    options = ModelHostOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("Kaizen.ModelHost: " + ex.Message);
    return 2;
}
if (options.ShowHelp)
{
    Console.WriteLine(ModelHostOptions.Usage);
    return 0;
}

if (options.PrepareCpuCopy)
{
    try
    {
        await LocalModelCpuCopy.CreateAsync(options.ModelFile ?? LocalModelFile.InstalledPath, line => Console.Error.WriteLine("[model] " + line));
        return 0;
    }
    catch (LlmProviderException ex)
    {
        Console.Error.WriteLine("Kaizen.ModelHost: " + ex.Message);
        return 2;
    }
}

Microsoft.Extensions.AI.IChatClient client;
ServedModel model;
try
{
    (client, model) = BackendFactory.Create(options);
}
catch (ModelHostStartupException ex)
{
    Console.Error.WriteLine("Kaizen.ModelHost: " + ex.Message);
    return 2;
}

var app = ModelHostApp.Build(options, client, model, Console.Error);
try
{
    await app.StartAsync();
}
catch (IOException ex)
{
    Console.Error.WriteLine($"Kaizen.ModelHost: cannot listen on {string.Join(", ", options.Urls)}: {ex.Message}");
    return 3;
}

foreach (var address in ModelHostApp.BoundAddresses(app))
    Console.WriteLine(ModelHostApp.ListeningPrefix + address);
Console.Out.Flush();
Console.Error.WriteLine($"[modelhost] serving {model.FullName} ({model.Backend} backend{(model.ModelFile is null ? "" : ", " + model.ModelFile)}); Ollama API at /api, OpenAI API at /v1");

await app.WaitForShutdownAsync();
return 0;
