using System.Reflection;
using System.Text.Json.Nodes;
using global::Reqnroll;

namespace Kaizen.Reqnroll.xUnit.Tests.Cck;

/// <summary>
/// Runs a kit sample the way xUnit would run its generated tests (test run, each feature's fixture, each fact and theory
/// row in file order), with Reqnroll's message formatter writing to a file of the sample's own; returns the messages.
/// </summary>
internal static class CckRunner
{
    public static async Task<List<JsonObject>> RunAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kaizen-cck", sample.Name + "-" + Guid.NewGuid().ToString("N")[..8]);
        var messages = Path.Combine(folder, sample.Name + ".ndjson");
        var assembly = CckAssemblyBuilder.Build(sample, folder);

        await TestRunnerManager.OnTestRunStartAsync(assembly, new MessagesToFileContainerBuilder(messages));
        foreach (var feature in FeatureClasses(assembly, sample))
            await RunFeatureAsync(feature);
        await TestRunnerManager.OnTestRunEndAsync(assembly);

        var lines = await File.ReadAllLinesAsync(messages, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    public static async Task<List<JsonObject>> ReadExpectedAsync(CckSample sample, CancellationToken cancellationToken)
    {
        var lines = await File.ReadAllLinesAsync(sample.ExpectedMessagesPath, cancellationToken);
        return lines.Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    }

    /// <summary>Generated feature classes in the order of their feature files.</summary>
    private static IEnumerable<Type> FeatureClasses(Assembly assembly, CckSample sample)
    {
        var classes = assembly.GetTypes().Where(t => t.GetNestedType("FeatureFixture") is not null).ToList();
        foreach (var file in sample.FeatureFiles.Where(f => f.EndsWith(".feature", StringComparison.Ordinal)))
        {
            var stem = Path.GetFileNameWithoutExtension(file).Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal);
            var match = classes.FirstOrDefault(c => string.Equals(c.Name, stem + "Feature", StringComparison.OrdinalIgnoreCase));
            if (match is not null) yield return match;
        }
    }

    private static async Task RunFeatureAsync(Type feature)
    {
        var fixture = (IAsyncDisposable)Activator.CreateInstance(feature.GetNestedType("FeatureFixture")!)!;
        var instance = Activator.CreateInstance(feature, fixture)!;
        foreach (var method in feature.GetMethods().Where(m => m.GetCustomAttribute<FactAttribute>() is not null).OrderBy(m => m.MetadataToken))
        {
            if (method.GetCustomAttribute<TheoryAttribute>() is not null)
            {
                var rows = (IEnumerable<TheoryDataRow<string>>)feature.GetMethod(method.Name + "Rows")!.Invoke(null, null)!;
                foreach (var row in rows.Where(r => r.Skip is null))
                    await InvokeAsync(method, instance, ((ITheoryDataRow)row).GetData());
            }
            else if (method.GetCustomAttribute<FactAttribute>()!.Skip is null)
                await InvokeAsync(method, instance, []);
        }
        await fixture.DisposeAsync();
    }

    private static async Task InvokeAsync(MethodInfo test, object instance, object?[] arguments)
    {
        try
        {
            await (Task)test.Invoke(instance, arguments)!;
        }
#pragma warning disable CA1031 // a failing, pending or skipped scenario is an outcome here, recorded in the messages
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }
}
