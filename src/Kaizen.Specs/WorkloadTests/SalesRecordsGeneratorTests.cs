using Kaizen.Specs.Workloads.DataAnalysis;

namespace Kaizen.Specs.WorkloadTests;

[Trait("Category", "workloads")]
public sealed class SalesRecordsGeneratorTests
{
    [Fact]
    public void The_same_seed_gives_the_same_file()
    {
        SalesRecordsGenerator.Generate(7).Csv.Should().Be(SalesRecordsGenerator.Generate(7).Csv);
        SalesRecordsGenerator.Generate(8).Csv.Should().NotBe(SalesRecordsGenerator.Generate(7).Csv);
    }

    [Fact]
    public void The_file_has_a_header_and_one_line_per_record()
    {
        var file = SalesRecordsGenerator.Generate(7, recordCount: 1000);

        file.Csv.Should().StartWith(SalesRecordsGenerator.Header + "\n");
        file.DataLines.Should().HaveCount(1000).And.OnlyContain(line => line.Split(',').Length == 7);
    }

    [Fact]
    public void Every_kind_of_anomaly_is_planted_in_a_few_percent_of_the_rows()
    {
        var file = SalesRecordsGenerator.Generate(7);

        file.Anomalies.Select(a => a.Kind).Distinct().Should().BeEquivalentTo(Enum.GetValues<AnomalyKind>());
        file.Anomalies.Should().HaveCountGreaterThan(20).And.HaveCountLessThan(120);
        file.Anomalies.Select(a => a.Row).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Order_ids_are_unique_except_the_planted_duplicates()
    {
        var file = SalesRecordsGenerator.Generate(7);
        var duplicates = file.DataLines.Select(l => l.Split(',')[0]).GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key);

        duplicates.Should().BeEquivalentTo(file.Anomalies.Where(a => a.Kind == AnomalyKind.DuplicateId).Select(a => a.OrderId));
    }

    [Theory]
    [InlineData(7, 50)]
    [InlineData(7, 5)]
    [InlineData(11, 100)]
    public void An_analyst_reading_in_batches_finds_exactly_the_planted_anomalies(int seed, int batchSize)
    {
        var file = SalesRecordsGenerator.Generate(seed);
        var lines = file.DataLines;

        var findings = Enumerable.Range(0, (lines.Count + batchSize - 1) / batchSize)
            .SelectMany(batch => DeterministicRecordAnalyst.Analyse(batch * batchSize + 1, lines.Skip(batch * batchSize).Take(batchSize).ToList()))
            .Select(f => new PlantedAnomaly(f.Row, f.OrderId, f.Kind));

        findings.Should().BeEquivalentTo(file.Anomalies);
    }
}
