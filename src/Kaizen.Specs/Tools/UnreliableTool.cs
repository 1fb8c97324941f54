using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Specs.Tools;

/// <summary>
/// A tool that fails the way real ones do for its first <paramref name="failures"/> attempts (a busy file, a missing
/// file, or hanging until it is cancelled), then answers. Counts every attempt the library makes.
/// </summary>
public sealed class UnreliableTool(string name, string failure, int failures) : AIFunction
{
    private static readonly JsonElement Schema = JsonDocument.Parse(
        """{"type":"object","properties":{"name":{"type":"string","description":"Which report"}},"required":["name"]}""").RootElement.Clone();

    private int _attempts;

    /// <inheritdoc />
    public override string Name => name;

    /// <inheritdoc />
    public override string Description => "Fetches a report by name.";

    /// <inheritdoc />
    public override JsonElement JsonSchema => Schema;

    /// <summary>How many times the library invoked the tool.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (attempt > failures) return $"report {arguments.GetValueOrDefault("name")}: 3 open incidents";
        switch (failure)
        {
            case "busy file":
                throw new IOException("The process cannot access the file 'report.db' because it is being used by another process.");
            case "missing file":
                throw new FileNotFoundException("Could not find the file 'report.db'.", "report.db");
            case "hang":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return null;
            default:
                throw new ArgumentException($"Unknown failure \"{failure}\": use busy file, missing file or hang.");
        }
    }
}
