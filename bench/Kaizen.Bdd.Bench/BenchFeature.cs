using System.Text;

namespace Kaizen.Bdd.Bench;

/// <summary>The benchmark's feature: 1,000 scenarios of 5 steps over <see cref="BenchSteps"/>, and the statistics used.</summary>
internal static class BenchFeature
{
    public const int Scenarios = 1000;

    public static string Text()
    {
        var text = new StringBuilder("Feature: Basket benchmark\n");
        for (var i = 0; i < Scenarios; i++)
        {
            text.Append("\n  Scenario: basket ").Append(i).Append('\n')
                .Append("    Given an empty basket\n")
                .Append("    When I add 3 \"apple\" costing 1.5\n")
                .Append("    And I remove \"apple\"\n")
                .Append("    Then the basket holds 2 items\n")
                .Append("    And the total is 4.5\n");
        }
        return text.ToString();
    }

    internal static double Median(List<double> values) => Percentile(values, 0.5);

    internal static double Percentile(List<double> values, double p)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[(int)Math.Min(sorted.Count - 1, Math.Floor(p * sorted.Count))];
    }
}
