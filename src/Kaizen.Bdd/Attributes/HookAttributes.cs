namespace Kaizen.Bdd;

/// <summary>Base of hook attributes: order, tag filter and name.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public abstract class HookAttribute : Attribute
{
    /// <summary>Default order, as in Reqnroll.</summary>
    public const int DefaultOrder = 10000;

    /// <summary>Creates a hook limited to scenarios matching any of <paramref name="tags"/> (tags or tag expressions); none means all.</summary>
    protected HookAttribute(string[] tags) => Tags = tags ?? [];

    /// <summary>Tags or tag expressions; the hook runs when any of them holds (or when there is none).</summary>
    public string[] Tags { get; }

    /// <summary>Lower runs first.</summary>
    public int Order { get; set; } = DefaultOrder;

    /// <summary>Optional name shown in reports.</summary>
    public string? Name { get; set; }
}

/// <summary>Runs once before any scenario (static method).</summary>
public sealed class BeforeTestRunAttribute() : HookAttribute([]);

/// <summary>Runs once after every scenario, even after failures (static method).</summary>
public sealed class AfterTestRunAttribute() : HookAttribute([]);

/// <summary>Runs before the first scenario of each matching feature (static method).</summary>
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs after the last scenario of each matching feature (static method).</summary>
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs before each matching scenario.</summary>
public sealed class BeforeScenarioAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs after each matching scenario, even when a step or before-hook failed.</summary>
public sealed class AfterScenarioAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs before each executed step of matching scenarios.</summary>
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(tags);

/// <summary>Runs after each executed step of matching scenarios.</summary>
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(tags);
