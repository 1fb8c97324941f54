using Kaizen.Memory.Tool;

// Maintenance verbs for Kaizen memory files. `dotnet run --project src/Kaizen.Memory.Tool -- reembed --file memory.db --embedder minilm`
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

if (args.Length == 0 || args[0] != "reembed")
{
    Console.Error.WriteLine("usage: " + ReembedVerb.Usage);
    return 2;
}

return await ReembedVerb.RunAsync(args[1..], Console.Out, Console.Error, stop.Token);
