using Kaizen.Agents.Memory;
using Kaizen.Agents.Memory.Reembedding;

namespace Kaizen.Memory.Tool;

/// <summary><c>reembed --file PATH --embedder NAME [--batch N]</c>: converts every session of a memory file, resumably.</summary>
internal static class ReembedVerb
{
    public const string Usage = "reembed --file PATH --embedder NAME [--batch 256]\n  NAME: " + EmbedderByName.Names;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var options = ToolArguments.Parse(args);
        if (options is null || !options.TryGetValue("file", out var file) || !options.TryGetValue("embedder", out var name))
        {
            errors.WriteLine("usage: " + Usage);
            return 2;
        }

        var embedder = EmbedderByName.Create(name);
        if (embedder is null)
        {
            errors.WriteLine($"Unknown embedder '{name}'. Use {EmbedderByName.Names}.");
            return 2;
        }

        var batch = options.TryGetValue("batch", out var text) && int.TryParse(text, out var size) && size > 0 ? size : 256;
        output.WriteLine($"Re-embedding '{file}' with '{name}' in batches of {batch}; stop it any time and run the same command to resume.");
        try
        {
            var result = await MemoryReembedder.ReembedAsync(file, embedder, progress =>
            {
                var percent = progress.Total == 0 ? 100 : 100.0 * progress.Done / progress.Total;
                output.WriteLine($"  session '{progress.SessionId}': {progress.Done:N0} / {progress.Total:N0} turns ({percent:F0} %)");
            }, batch, cancellationToken).ConfigureAwait(false);
            output.WriteLine($"Done: {result.SessionsConverted} session(s) converted, {result.SessionsAlreadyCurrent} already on '{name}', {result.TurnsEmbedded:N0} turns embedded.");
            return 0;
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("Stopped. Committed batches are kept; run the same command again to resume.");
            return 130;
        }
        catch (MemoryStoreException exception)
        {
            errors.WriteLine(exception.Message);
            return 1;
        }
    }
}
