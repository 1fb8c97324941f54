using System.Text.Json.Nodes;
using Gherkin.CucumberMessages;
using Kaizen.Bdd.Messages;
using Kaizen.Bdd.Messages.Serialization;
using Kaizen.Bdd.Running;

namespace Kaizen.Bdd.Tests.Cck;

/// <summary>Runs a kit sample through <see cref="BddTestRun"/> and reads the kit's expected messages, both as JSON.</summary>
internal static class CckRunner
{
    public static async Task<List<JsonObject>> RunAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var features = new List<FeatureSource>();
        foreach (var file in sample.FeatureFiles)
            features.Add(new FeatureSource(CckSample.KitUri(sample.Name, file), await File.ReadAllTextAsync(file, cancellationToken)));

        var sink = new InMemoryEnvelopeSink();
        var run = new BddTestRun(new BddRunOptions
        {
            BindingTypes = sample.BindingTypes,
            Sink = sink,
            IdGenerator = new IncrementingIdGenerator(),
        });
        await run.RunAsync(features, cancellationToken);
        // Through our serializer, so the comparison also covers the wire format.
        return sink.Envelopes.Select(e => JsonNode.Parse(NdjsonSerializer.Serialize(e))!.AsObject()).ToList();
    }

    public static async Task<List<JsonObject>> ReadExpectedAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(sample.ExpectedMessagesPath, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }
}
