using Kaizen.LivingDoc.Cli;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>What one command line printed and returned.</summary>
internal sealed record CliResult(int Exit, string Output, string Error);

/// <summary>Runs the real command line in process, at <see cref="DocRendering.Now"/>, capturing both outputs.</summary>
internal static class LivingDocCli
{
    public static async Task<CliResult> RunAsync(string currentFolder, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await new LivingDocCommands(output, error, new FakeTimeProvider(DocRendering.Now), currentFolder).Parse(args)
            .InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
        return new CliResult(exit, output.ToString(), error.ToString());
    }
}
