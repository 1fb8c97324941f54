namespace Kaizen.Bdd;

/// <summary>Marks a class whose methods are step definitions, hooks or step argument transformations.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class BindingAttribute : Attribute;
