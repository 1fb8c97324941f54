namespace Kaizen.Bdd;

/// <summary>Base of the step definition attributes: a Cucumber Expression or a regular expression matched against step text.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class StepDefinitionBaseAttribute : Attribute
{
    /// <summary>Creates the attribute for the given expression.</summary>
    /// <param name="expression">Cucumber Expression (<c>I have {int} cukes</c>) or regex (<c>^I have (\d+) cukes$</c>).</param>
    /// <param name="keyword">Which step keyword the definition answers to.</param>
    protected StepDefinitionBaseAttribute(string expression, StepKeyword keyword)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Expression = expression;
        Keyword = keyword;
    }

    /// <summary>The expression matched against the step text.</summary>
    public string Expression { get; }

    /// <summary>The keyword type (Given/When/Then) this definition answers to; <see cref="StepKeyword.Any"/> for all.</summary>
    public StepKeyword Keyword { get; }
}

/// <summary>The kind of step a definition answers to (And/But inherit the kind of the previous step).</summary>
public enum StepKeyword
{
    /// <summary>Given, When and Then steps.</summary>
    Any,
    /// <summary>Context steps (Given).</summary>
    Given,
    /// <summary>Action steps (When).</summary>
    When,
    /// <summary>Outcome steps (Then).</summary>
    Then,
}

/// <summary>A step definition for Given steps.</summary>
public sealed class GivenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepKeyword.Given);

/// <summary>A step definition for When steps.</summary>
public sealed class WhenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepKeyword.When);

/// <summary>A step definition for Then steps.</summary>
public sealed class ThenAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepKeyword.Then);

/// <summary>A step definition that answers to Given, When and Then steps.</summary>
public sealed class StepDefinitionAttribute(string expression) : StepDefinitionBaseAttribute(expression, StepKeyword.Any);
