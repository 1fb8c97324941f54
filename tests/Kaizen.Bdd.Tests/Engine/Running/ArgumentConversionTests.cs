using System.Globalization;
using Kaizen.Bdd.Tables;
using Kaizen.Bdd.Tests.Engine.Support;

namespace Kaizen.Bdd.Tests.Engine.Running;

[Trait("Category", "engine")]
public sealed class ArgumentConversionTests
{
    public enum Mood { Happy, VerySad }

    public sealed record Money(decimal Amount, string Currency);

    public sealed record Airport(string Code);

    // Deliberately without [Binding]: explicit binding types keep them out of the generated sample run.
    public sealed class Steps
    {
        [Given("numbers {int} {long} {double} {decimal}")]
        public void Numbers(int i, long l, double d, decimal m) => Recorder.Add($"{i}|{l}|{d.ToString(CultureInfo.InvariantCulture)}|{m.ToString(CultureInfo.InvariantCulture)}");

        [Given("the date {DateTime} and id {Guid}")]
        public void DateAndId(DateTime date, Guid id) => Recorder.Add($"{date:yyyy-MM-dd}|{id}");

        [Given("I feel {Mood}")]
        public void Feel(Mood mood) => Recorder.Add(mood.ToString());

        [Given(@"^regex mood (\w+) and count (\d+)$")]
        public void RegexArguments(Mood mood, int count) => Recorder.Add($"{mood}|{count}");

        [Given("a price of {money}")]
        public void Price(Money money) => Recorder.Add($"{money.Amount.ToString(CultureInfo.InvariantCulture)} {money.Currency}");

        [Given(@"^a flight to (\w{3})$")]
        public void Flight(Airport airport) => Recorder.Add(airport.Code);

        [Given("a table")]
        public void Table(DataTable table) => Recorder.Add($"{table.RowCount}:{table.Rows[0]["name"]}");

        [Given("a list of people")]
        public void People(List<string> names) => Recorder.Add(string.Join(",", names));

        [Given("a doc string")]
        public void Doc(DocString doc) => Recorder.Add($"{doc.MediaType}:{doc.Content}");

        [Given("a plain doc string")]
        public void PlainDoc(string content) => Recorder.Add(content);

        [StepArgumentTransformation(@"(\d+(?:\.\d+)?) (EUR|USD)", Name = "money")]
        public static Money ToMoney(decimal amount, string currency) => new(amount, currency);

        [StepArgumentTransformation(@"[A-Z]{3}")]
        public static Airport ToAirport(string code) => new(code);

        [StepArgumentTransformation]
        public static List<string> ToNames(DataTable table) => table.Rows.Select(r => r["name"]).ToList();
    }

    [Fact]
    public async Task Arguments_are_converted_to_parameter_types()
    {
        var (result, _, log) = await EngineRun.RunAsync(""""
            Feature: conversion
              Scenario: all
                Given numbers 1 9000000000 2.5 10.25
                And the date 2026-03-04 and id 0f8fad5b-d9cb-469f-a165-70867728950e
                And I feel verysad
                And regex mood happy and count 7
                And a price of 12.5 EUR
                And a flight to LHR
                And a table
                  | name  |
                  | Alice |
                  | Bob   |
                And a list of people
                  | name  |
                  | Carol |
                  | Dan   |
                And a doc string
                  ```json
                  {"a": 1}
                  ```
                And a plain doc string
                  """
                  just text
                  """
            """", [typeof(Steps)]);

        result.Scenarios.Single().Status.Should().Be(ScenarioExecutionStatus.Passed, result.Scenarios.Single().Message);
        log.Should().Equal(
            "1|9000000000|2.5|10.25",
            "2026-03-04|0f8fad5b-d9cb-469f-a165-70867728950e",
            "VerySad",
            "Happy|7",
            "12.5 EUR",
            "LHR",
            "2:Alice",
            "Carol,Dan",
            "json:{\"a\": 1}",
            "just text");
    }

    [Fact]
    public async Task A_value_that_cannot_be_converted_fails_the_step_with_the_value_and_type()
    {
        var (result, _, _) = await EngineRun.RunAsync("""
            Feature: conversion
              Scenario: bad enum
                Given regex mood grumpy and count 1
            """, [typeof(Steps)]);

        var scenario = result.Scenarios.Single();
        scenario.Status.Should().Be(ScenarioExecutionStatus.Failed);
        scenario.Message.Should().Contain("grumpy").And.Contain("Mood");
    }
}
