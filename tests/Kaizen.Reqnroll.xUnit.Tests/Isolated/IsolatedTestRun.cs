using System.Reflection;
using global::Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Isolated;

/// <summary>
/// Runs the generated tests of an isolated project the way xUnit would (test run, each feature's fixture, each fact and
/// theory row in file order, skipped ones left out) and returns how each ended: null exception = passed.
/// </summary>
internal static class IsolatedTestRun
{
    public sealed record Outcome(string DisplayName, Exception? Error, string? SkipReason);

    /// <summary>The outcome names of the test run's start and end (BeforeTestRun/AfterTestRun hooks).</summary>
    public const string TestRunStart = "(test run start)", TestRunEnd = "(test run end)";

    public static async Task<IReadOnlyList<Outcome>> RunAsync(Assembly assembly, IEnumerable<string> featureFiles, IsolatedContainerBuilder builder)
    {
        var outcomes = new List<Outcome>();
        // A failing [BeforeTestRun]/[AfterTestRun] hook fails xUnit's assembly fixture; here it is one more outcome.
        outcomes.Add(new Outcome(TestRunStart, await CatchAsync(() => TestRunnerManager.OnTestRunStartAsync(assembly, builder)), null));
        foreach (var feature in FeatureClasses(assembly, featureFiles))
            await RunFeatureAsync(feature, outcomes);
        outcomes.Add(new Outcome(TestRunEnd, await CatchAsync(() => TestRunnerManager.OnTestRunEndAsync(assembly)), null));
        return outcomes;
    }

    /// <summary>Generated feature classes in the order of their feature files.</summary>
    private static IEnumerable<Type> FeatureClasses(Assembly assembly, IEnumerable<string> featureFiles)
    {
        var classes = assembly.GetTypes().Where(t => t.GetNestedType("FeatureFixture") is not null).ToList();
        foreach (var file in featureFiles)
        {
            var stem = Path.GetFileNameWithoutExtension(file).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            var match = classes.FirstOrDefault(c => string.Equals(c.Name, stem + "Feature", StringComparison.OrdinalIgnoreCase));
            if (match is not null) yield return match;
        }
    }

    private static async Task RunFeatureAsync(Type feature, List<Outcome> outcomes)
    {
        var fixture = (IAsyncDisposable)Activator.CreateInstance(feature.GetNestedType("FeatureFixture")!)!;
        var instance = Activator.CreateInstance(feature, fixture)!;
        foreach (var method in feature.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).OrderBy(m => m.MetadataToken))
        {
            if (method.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                var rows = (IEnumerable<TheoryDataRow<string>>)feature.GetMethod(method.Name + "Rows")!.Invoke(null, null)!;
                foreach (var row in rows)
                    outcomes.Add(row.Skip is null
                        ? new Outcome(row.TestDisplayName!, await InvokeAsync(method, instance, ((ITheoryDataRow)row).GetData()), null)
                        : new Outcome(row.TestDisplayName!, null, row.Skip));
            }
            else
            {
                var fact = method.GetCustomAttribute<FactAttribute>()!;
                outcomes.Add(fact.Skip is null
                    ? new Outcome(fact.DisplayName!, await InvokeAsync(method, instance, []), null)
                    : new Outcome(fact.DisplayName!, null, fact.Skip));
            }
        }
        await fixture.DisposeAsync();
    }

    private static Task<Exception?> InvokeAsync(MethodInfo test, object instance, object?[] arguments) =>
        CatchAsync(() => (Task)test.Invoke(instance, arguments)!);

    private static async Task<Exception?> CatchAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
#pragma warning disable CA1031 // a failing, pending or skipped scenario is an outcome here
        catch (Exception error)
#pragma warning restore CA1031
        {
            return error;
        }
    }
}
