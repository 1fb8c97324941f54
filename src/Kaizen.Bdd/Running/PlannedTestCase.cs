using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Bindings;

namespace Kaizen.Bdd.Running;

/// <summary>A scenario ready to run: its testCase message and, per test step, the hook or the matched step definition.</summary>
internal sealed record PlannedTestCase(Pickle Pickle, TestCase TestCase, IReadOnlyList<PlannedStep> Steps, ScenarioInfo Info, ScopeTarget Target);

/// <summary>One test step: a scenario hook, or a pickle step with what matched it.</summary>
internal sealed record PlannedStep(string Id, HookBinding? Hook, PickleStep? PickleStep, StepMatch? Match, StepKeyword Keyword);
