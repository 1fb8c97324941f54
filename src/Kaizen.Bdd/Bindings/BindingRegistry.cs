using System.Reflection;
using Gherkin.CucumberMessages;
using Kaizen.Bdd.Expressions;

namespace Kaizen.Bdd.Bindings;

/// <summary>Every step definition, hook and transformation of the binding classes, compiled once per run.</summary>
internal sealed class BindingRegistry
{
    private const BindingFlags AllMethods = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private BindingRegistry() { }

    public List<StepDefinitionBinding> StepDefinitions { get; } = [];
    public List<HookBinding> Hooks { get; } = [];
    public List<StepArgumentTransformationBinding> Transformations { get; } = [];
    public ParameterTypeRegistry ParameterTypes { get; private set; } = new([]);

    /// <summary>Expressions naming a parameter type nobody declared (reported as undefinedParameterType; the step stays undefined).</summary>
    public List<UndefinedParameterTypeException> UndefinedParameterTypes { get; } = [];

    /// <summary>Whether any step definition carries a [Scope] (then a step's match depends on its scenario).</summary>
    public bool HasScopedStepDefinitions { get; private set; }

    /// <summary>Matches by keyword and step text, valid while <see cref="HasScopedStepDefinitions"/> is false (see <see cref="StepMatcher.MatchRemembered"/>).</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<(StepKeyword Keyword, string Text), StepMatch> UnscopedMatches { get; } = new();

    /// <summary>Bindings that cannot work (bad regex, hook not static, ...), each naming the method and the fix.</summary>
    public List<string> Errors { get; } = [];

    public static BindingRegistry Build(IEnumerable<Type> bindingTypes, IIdGenerator ids)
    {
        var registry = new BindingRegistry();
        var types = bindingTypes.Distinct().ToList();
        var methods = types
            .SelectMany(t => t.GetMethods(AllMethods).Where(m => m.DeclaringType != typeof(object)).OrderBy(m => m.MetadataToken))
            .ToList();

        var customTypes = new List<ParameterTypeDefinition>();
        foreach (var method in methods)
            foreach (var attribute in method.GetCustomAttributes<StepArgumentTransformationAttribute>())
            {
                var transformation = new StepArgumentTransformationBinding(method, attribute.Regex);
                registry.Transformations.Add(transformation);
                if (transformation.IsTableTransformation) continue;
                var name = attribute.Name ?? (attribute.Regex is null ? null : method.ReturnType.Name);
                if (name is null || customTypes.Any(c => c.Name == name)) continue;
                customTypes.Add(new ParameterTypeDefinition(name, [attribute.Regex ?? ".*"], method.ReturnType, method,
                    attribute.PreferForRegexMatch, attribute.UseForSnippets) { Id = ids.GetNewId() });
            }
        registry.ParameterTypes = new ParameterTypeRegistry(customTypes);

        var hookIndex = 0;
        foreach (var method in methods)
        {
            var scopes = ScopesOf(method);
            foreach (var attribute in method.GetCustomAttributes<StepDefinitionBaseAttribute>())
                registry.AddStepDefinition(method, attribute, scopes, ids);
            foreach (var attribute in method.GetCustomAttributes<HookAttribute>())
                registry.AddHook(method, attribute, scopes, ids, hookIndex++);
        }
        registry.HasScopedStepDefinitions = registry.StepDefinitions.Any(s => s.Scopes.Count > 0);
        return registry;
    }

    private void AddStepDefinition(MethodInfo method, StepDefinitionBaseAttribute attribute, IReadOnlyList<ScopeCriteria> scopes, IIdGenerator ids)
    {
        try
        {
            var parameters = method.GetParameters();
            IStepExpression expression = ExpressionKind.IsRegex(attribute.Expression)
                ? new RegularExpression(attribute.Expression)
                : new CucumberExpression(attribute.Expression,
                    (name, position) => ParameterTypes.Find(name, position < parameters.Length ? parameters[position].ParameterType : null));
            StepDefinitions.Add(new StepDefinitionBinding(ids.GetNewId(), method, attribute.Keyword, expression, scopes));
        }
        catch (UndefinedParameterTypeException undefined)
        {
            UndefinedParameterTypes.Add(undefined);
        }
        catch (Exception invalid) when (invalid is ArgumentException or FormatException)
        {
            Errors.Add($"Step definition {MethodDisplay.Format(method)} has an invalid expression \"{attribute.Expression}\": {invalid.Message}");
        }
    }

    private void AddHook(MethodInfo method, HookAttribute attribute, IReadOnlyList<ScopeCriteria> scopes, IIdGenerator ids, int index)
    {
        var kind = attribute switch
        {
            BeforeTestRunAttribute => HookKind.BeforeTestRun,
            AfterTestRunAttribute => HookKind.AfterTestRun,
            BeforeFeatureAttribute => HookKind.BeforeFeature,
            AfterFeatureAttribute => HookKind.AfterFeature,
            BeforeScenarioAttribute => HookKind.BeforeScenario,
            AfterScenarioAttribute => HookKind.AfterScenario,
            BeforeStepAttribute => HookKind.BeforeStep,
            _ => HookKind.AfterStep,
        };
        if (kind is HookKind.BeforeTestRun or HookKind.AfterTestRun or HookKind.BeforeFeature or HookKind.AfterFeature && !method.IsStatic)
        {
            Errors.Add($"Hook {MethodDisplay.Format(method)} ([{kind}]) must be static: it runs outside any scenario.");
            return;
        }
        try
        {
            Hooks.Add(new HookBinding(ids.GetNewId(), kind, method, attribute.Order, attribute.Name, HookBinding.CombineTags(attribute.Tags), scopes, index));
        }
        catch (Exception invalid) when (invalid is FormatException or ArgumentException)
        {
            Errors.Add($"Hook {MethodDisplay.Format(method)} has an invalid tag filter: {invalid.Message}");
        }
    }

    private static List<ScopeCriteria> ScopesOf(MethodInfo method)
    {
        var onMethod = method.GetCustomAttributes<ScopeAttribute>().ToList();
        var attributes = onMethod.Count > 0 ? onMethod : method.DeclaringType!.GetCustomAttributes<ScopeAttribute>().ToList();
        return attributes.Select(a => new ScopeCriteria(a)).ToList();
    }

    /// <summary>Hooks of a kind that apply to the target, in run order (Order, then declaration).</summary>
    public IEnumerable<HookBinding> HooksFor(HookKind kind, ScopeTarget? target)
    {
        // Asked before and after every step: sort once per kind, and answer "none" without allocating.
        _hooksByKind ??= Hooks.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.OrderBy(h => h.Order).ThenBy(h => h.DeclarationIndex).ToArray());
        if (!_hooksByKind.TryGetValue(kind, out var ordered)) return [];
        return target is null ? ordered : ordered.Where(h => h.AppliesTo(target));
    }

    private Dictionary<HookKind, HookBinding[]>? _hooksByKind;
}
