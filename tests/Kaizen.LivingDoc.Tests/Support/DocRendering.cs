using Kaizen.LivingDoc.Cli;
using Kaizen.LivingDoc.Messages;
using Kaizen.LivingDoc.Model;
using Microsoft.Extensions.Time.Testing;

namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>Runs the real rendering path (files in, model and HTML out) for a test.</summary>
internal static class DocRendering
{
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(DocModel Model, DiagnosticBag Diagnostics, string Html)> RenderAsync(
        string? features, IEnumerable<string> messages, string? config = null, string? outFile = null, string title = "Fixture doc")
    {
        var diagnostics = new DiagnosticBag();
        outFile ??= Path.Combine(TestPaths.NewScratchFolder(), "index.html");
        var request = new RenderRequest(features, messages.ToList(), outFile, title, config);
        var model = await new LivingDocGenerator(new FakeTimeProvider(Now)).RenderAsync(request, diagnostics, TestContext.Current.CancellationToken);
        return (model, diagnostics, await File.ReadAllTextAsync(outFile, TestContext.Current.CancellationToken));
    }

    public static CaseView Case(this DocModel model, string name) => model.Cases.Single(c => c.Name == name);
}
