using Kaizen.Reqnroll.xUnit;
using Reqnroll;
using Reqnroll.UnitTestProvider;

namespace Kaizen.Specs.Support;

/// <summary>Provider-dependent hooks: skipping scripted-only scenarios on a real model or all of them when it is unreachable, attaching the LLM usage.</summary>
[Binding]
public sealed class ProviderHooks(ModelProvider provider, UsageLedger ledger, ScenarioContext scenario, IReqnrollOutputHelper output, IUnitTestRuntimeProvider testRuntime)
{
    /// <summary>The living doc's media type for per-scenario LLM usage (docs/living-doc.md).</summary>
    public const string UsageMediaType = "application/vnd.kaizen.llm-usage+json";

    /// <summary>The file name of the usage attachment.</summary>
    public const string UsageFileName = "llm-usage.json";

    /// <summary>A scenario tagged <c>@scripted-only</c> asserts what only the scripted model guarantees: skip it, saying why.</summary>
    [BeforeScenario("@scripted-only", Order = 0)]
    public void SkipScriptedOnlyOnRealModels()
    {
        if (provider.IsScripted) return;
        var why = scenario.ScenarioInfo.Description?.Trim() ?? string.Empty;
        testRuntime.TestIgnore($"@scripted-only on provider '{provider.Name}': {(why.Length > 0 ? why : "its assertions need the scripted model")}");
    }

    /// <summary>On an opt-in real model (<c>KAIZEN_LLM_PROVIDER</c>) that cannot be reached, skip with the one-line reason.</summary>
    [BeforeScenario(Order = 1)]
    public async Task SkipWhenTheRealModelIsUnavailable()
    {
        if (provider.IsScripted) return;
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
        output.WriteLine($"LLM usage ({provider.Name}): {total.Calls} calls, {total.InputTokens} input + {total.OutputTokens} output tokens, ${total.CostUsd:0.######}");
    }
}
