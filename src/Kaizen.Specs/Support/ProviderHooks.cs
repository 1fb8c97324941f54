using Kaizen.Bdd;

namespace Kaizen.Specs.Support;

/// <summary>Provider-dependent hooks: skipping scripted-only scenarios on a real model, attaching the LLM usage.</summary>
[Binding]
public sealed class ProviderHooks(ModelProvider provider, UsageLedger ledger, ScenarioContext scenario, IScenarioOutput output)
{
    /// <summary>The living doc's media type for per-scenario LLM usage (docs/living-doc.md).</summary>
    public const string UsageMediaType = "application/vnd.kaizen.llm-usage+json";

    /// <summary>A scenario tagged <c>@scripted-only</c> asserts what only the scripted model guarantees: skip it, saying why.</summary>
    [BeforeScenario("@scripted-only", Order = 0)]
    public void SkipScriptedOnlyOnRealModels()
    {
        if (provider.IsScripted) return;
        var why = scenario.ScenarioInfo.Description.Trim();
        ScenarioContext.Skip($"@scripted-only on provider '{provider.Name}': {(why.Length > 0 ? why : "its assertions need the scripted model")}");
    }

    /// <summary>Attaches what the scenario's model calls cost, when it made any.</summary>
    [AfterScenario(Order = 1_000)]
    public void AttachUsage()
    {
        if (ledger.Total.Calls == 0) return;
        output.Attach(ledger.ToAttachmentJson(), UsageMediaType);
        var total = ledger.Total;
        output.WriteLine($"LLM usage ({provider.Name}): {total.Calls} calls, {total.InputTokens} input + {total.OutputTokens} output tokens, ${total.CostUsd:0.######}");
    }
}
