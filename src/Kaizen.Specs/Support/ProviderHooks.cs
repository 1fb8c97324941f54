using Kaizen.Reqnroll.xUnit;
using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Kaizen.Specs.Support;

/// <summary>
/// Provider-dependent hooks: saying which model serves the scenario (and why a <c>@scripted-model</c> one cannot be
/// real), failing with the install command when the local model is missing, skipping when an opt-in server cannot be
/// reached, and attaching the LLM usage.
/// </summary>
[Binding]
public sealed class ProviderHooks(ModelProvider provider, UsageLedger ledger, ScenarioContext scenario, IReqnrollOutputHelper output, IUnitTestRuntimeProvider testRuntime)
{
    /// <summary>The living doc's media type for per-scenario LLM usage (docs/living-doc.md).</summary>
    public const string UsageMediaType = "application/vnd.kaizen.llm-usage+json";

    /// <summary>The file name of the usage attachment.</summary>
    public const string UsageFileName = "llm-usage.json";

    /// <summary>Names the model of the scenario; a <c>@scripted-model</c> scenario must say in its description why.</summary>
    [BeforeScenario(Order = 0)]
    public void NameTheModel()
    {
        if (!provider.ScenarioNeedsScript)
        {
            output.WriteLine($"Model: {provider.Name}/{provider.Model}");
            return;
        }
        var why = scenario.ScenarioInfo.Description?.Trim() ?? string.Empty;
        if (why.Length == 0)
            throw new InvalidOperationException(
                $"Scenario \"{scenario.ScenarioInfo.Title}\" is tagged @{ModelProvider.ScriptedModelTag} but does not say why in its description: " +
                "write the reason (the reply no real model gives on demand) under the scenario's title.");
        output.WriteLine($"Model: scripted (@{ModelProvider.ScriptedModelTag}: {why.ReplaceLineEndings(" ")})");
    }

    /// <summary>The local model must be installed (a clear failure naming the install command); an opt-in server that cannot be reached skips.</summary>
    [BeforeScenario(Order = 1)]
    public async Task CheckTheRealModel()
    {
        if (provider.IsScripted) return;
        if (provider.Name == LlmProviders.Local)
        {
            LocalModelFile.Validate(LocalModelFile.DefaultPath);
            return;
        }
        if (await ModelServerCheck.ProblemAsync(provider) is { } problem)
            testRuntime.TestIgnore($"provider '{provider.Name}' unavailable: {problem}");
    }

    /// <summary>Attaches what the scenario's model calls cost, when it made any.</summary>
    [AfterScenario(Order = 1_000)]
    public void AttachUsage()
    {
        if (ledger.Total.Calls == 0) return;
        output.AddAttachment(UsageFileName, ledger.ToAttachmentJson(), UsageMediaType);
        var total = ledger.Total;
        output.WriteLine($"LLM usage ({ledger.Models}): {total.Calls} calls, {total.InputTokens} input + {total.OutputTokens} output tokens, ${total.CostUsd:0.######}" +
            (ledger.ReusedInputTokens > 0 ? $"; {ledger.ReusedInputTokens} input tokens reused from the KV cache" : ""));
    }
}
