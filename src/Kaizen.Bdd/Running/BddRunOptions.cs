using Gherkin.CucumberMessages;
using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Messages;

namespace Kaizen.Bdd.Running;

/// <summary>What a programmatic run (<see cref="BddTestRun"/>) uses.</summary>
public sealed class BddRunOptions
{
    /// <summary>The binding classes (steps, hooks, transformations); no assembly scanning happens.</summary>
    public IReadOnlyList<Type> BindingTypes { get; init; } = [];

    /// <summary>Where the Cucumber messages go; none are kept when null.</summary>
    public IEnvelopeSink? Sink { get; init; }

    /// <summary>Message ids; GUIDs by default. Pass <see cref="IncrementingIdGenerator"/> for deterministic ids.</summary>
    public IIdGenerator? IdGenerator { get; init; }

    /// <summary>Clock for timestamps and durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How undefined and pending scenarios are reported to xUnit (failed or skipped).</summary>
    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; init; } = MissingOrPendingStepsOutcome.Pending;

    /// <summary>Gherkin language of features without a <c># language:</c> line.</summary>
    public string FeatureLanguage { get; init; } = "en";
}
