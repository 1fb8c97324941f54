namespace Kaizen.Bdd.Bindings;

/// <summary>
/// Finds the definition for a step text: same keyword kind (or <c>[StepDefinition]</c>), expression matches, then
/// Reqnroll's scope precedence (a matching scope beats no scope; more criteria beat fewer). Several left: ambiguous.
/// </summary>
internal static class StepMatcher
{
    /// <summary>
    /// <see cref="Match"/>, remembered per keyword and text when no step definition is scoped: the answer then cannot depend
    /// on the scenario, and suites repeat the same step texts across scenarios (the expressions are tried once per text).
    /// </summary>
    public static StepMatch MatchRemembered(BindingRegistry registry, StepKeyword keyword, string text, ScopeTarget target) =>
        registry.HasScopedStepDefinitions
            ? Match(registry, keyword, text, target)
            : registry.UnscopedMatches.GetOrAdd((keyword, text), key => Match(registry, key.Keyword, key.Text, target));

    public static StepMatch Match(BindingRegistry registry, StepKeyword keyword, string text, ScopeTarget target)
    {
        var best = new List<StepCandidate>();
        var bestScore = -1;
        foreach (var binding in registry.StepDefinitions)
        {
            if (binding.Keyword != StepKeyword.Any && keyword != StepKeyword.Any && binding.Keyword != keyword) continue;
            var score = ScopeCriteria.Score(binding.Scopes, target);
            if (score < 0 || score < bestScore) continue;
            var arguments = binding.Expression.Match(text);
            if (arguments is null) continue;
            if (score > bestScore)
            {
                best.Clear();
                bestScore = score;
            }
            if (!best.Any(c => c.Binding.Method == binding.Method)) best.Add(new StepCandidate(binding, arguments));
        }
        return best.Count switch
        {
            0 => new StepMatch(StepMatchKind.Undefined, []),
            1 => new StepMatch(StepMatchKind.Matched, best),
            _ => new StepMatch(StepMatchKind.Ambiguous, best),
        };
    }
}
