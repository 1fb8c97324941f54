using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Messages;
using Kaizen.Bdd.Messages.Serialization;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class NdjsonFileEnvelopeSinkTests
{
    [Fact]
    public async Task Envelopes_written_from_parallel_threads_are_on_disk_after_flush_one_per_line()
    {
        var path = Path.Combine(Path.GetTempPath(), "kz-engine-sink-" + Guid.NewGuid().ToString("N"), "run.ndjson");
        await using (var sink = new NdjsonFileEnvelopeSink(path))
        {
            await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
            {
                for (var i = 0; i < 250; i++) sink.Write(Envelope.Create(new TestRunStarted(new Timestamp(worker, i), $"{worker}-{i}")));
            }, TestContext.Current.CancellationToken)));
            await sink.FlushAsync(TestContext.Current.CancellationToken);

            var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
            lines.Should().HaveCount(1000);
            var ids = lines.Select(l => NdjsonSerializer.Deserialize(l).TestRunStarted.Id).ToList();
            ids.Should().OnlyHaveUniqueItems();
            for (var worker = 0; worker < 4; worker++)
                ids.Where(id => id.StartsWith($"{worker}-", StringComparison.Ordinal)).Should().Equal(Enumerable.Range(0, 250).Select(i => $"{worker}-{i}"),
                    "each thread's envelopes keep their order");
        }
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }
}
