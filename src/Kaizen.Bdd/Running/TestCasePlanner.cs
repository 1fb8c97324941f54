using Io.Cucumber.Messages.Types;
using Kaizen.Bdd.Bindings;

namespace Kaizen.Bdd.Running;

/// <summary>Turns pickles into test cases: before-scenario hooks, matched steps, after-scenario hooks.</summary>
internal static class TestCasePlanner
{
    public static PlannedTestCase Plan(CompiledFeature feature, Pickle pickle, RunSession session)
    {
        var (outlineTitle, description, arguments) = feature.ScenarioDetails[pickle.Id];
        var tags = pickle.Tags.Select(t => t.Name).ToList();
        var target = new ScopeTarget(feature.Info!.Title, pickle.Name, outlineTitle, new HashSet<string>(tags, StringComparer.Ordinal));
        var info = new ScenarioInfo(pickle.Name, description, tags, arguments, outlineTitle);
        var registry = session.Registry;

        var steps = new List<PlannedStep>();
        foreach (var hook in registry.HooksFor(HookKind.BeforeScenario, target))
            steps.Add(new PlannedStep(session.Ids.GetNewId(), hook, null, null, StepKeyword.Any));
        foreach (var pickleStep in pickle.Steps)
        {
            var keyword = pickleStep.Type switch
            {
                PickleStepType.CONTEXT => StepKeyword.Given,
                PickleStepType.ACTION => StepKeyword.When,
                PickleStepType.OUTCOME => StepKeyword.Then,
                _ => StepKeyword.Any,
            };
            var match = StepMatcher.MatchRemembered(registry, keyword, pickleStep.Text, target);
            steps.Add(new PlannedStep(session.Ids.GetNewId(), null, pickleStep, match, keyword));
        }
        foreach (var hook in registry.HooksFor(HookKind.AfterScenario, target))
            steps.Add(new PlannedStep(session.Ids.GetNewId(), hook, null, null, StepKeyword.Any));

        var testSteps = steps.Select(ToTestStep).ToList();
        var testCase = new TestCase(session.Ids.GetNewId(), pickle.Id, testSteps, session.TestRunStartedId);
        return new PlannedTestCase(pickle, testCase, steps, info, target);
    }

    private static TestStep ToTestStep(PlannedStep step)
    {
        if (step.Hook is not null) return new TestStep(step.Hook.Id, step.Id, null, null, null);
        var candidates = step.Match!.Candidates;
        return new TestStep(
            null,
            step.Id,
            step.PickleStep!.Id,
            candidates.Select(c => c.Binding.Id).ToList(),
            candidates.Select(c => new StepMatchArgumentsList(
                c.Arguments.Select(a => new StepMatchArgument(a.Group, a.ParameterType?.Name)).ToList())).ToList());
    }
}
