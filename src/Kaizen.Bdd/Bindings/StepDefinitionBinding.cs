using System.Reflection;
using Kaizen.Bdd.Expressions;

namespace Kaizen.Bdd.Bindings;

/// <summary>A method answering to steps matching its expression.</summary>
internal sealed class StepDefinitionBinding(string id, MethodInfo method, StepKeyword keyword, IStepExpression expression, IReadOnlyList<ScopeCriteria> scopes)
{
    public string Id { get; } = id;
    public MethodInfo Method { get; } = method;
    public StepKeyword Keyword { get; } = keyword;
    public IStepExpression Expression { get; } = expression;
    public IReadOnlyList<ScopeCriteria> Scopes { get; } = scopes;

    /// <summary>The method's parameters, read once (each GetParameters() call copies the array).</summary>
    public ParameterInfo[] Parameters { get; } = method.GetParameters();

    /// <summary><c>Namespace.Class.Method(ParamTypes)</c>, as shown in ambiguity errors.</summary>
    public string DisplayName => MethodDisplay.Format(Method);
}
