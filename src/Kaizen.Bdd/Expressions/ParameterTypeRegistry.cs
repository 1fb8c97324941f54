namespace Kaizen.Bdd.Expressions;

/// <summary>Looks up parameter types by name: user-declared first, then built-in, then enums of the bound method.</summary>
internal sealed class ParameterTypeRegistry
{
    private readonly Dictionary<string, ParameterTypeDefinition> _byName = new(StringComparer.Ordinal);

    public ParameterTypeRegistry(IEnumerable<ParameterTypeDefinition> custom)
    {
        foreach (var builtIn in BuiltInParameterTypes.All) _byName[builtIn.Name] = builtIn;
        foreach (var type in custom)
        {
            _byName[type.Name] = type;
            Custom.Add(type);
        }
    }

    /// <summary>User-declared types (reported as parameterType messages).</summary>
    public List<ParameterTypeDefinition> Custom { get; } = [];

    /// <summary>Finds <c>{name}</c>; an enum parameter of that name at the same position of the bound method also qualifies.</summary>
    public ParameterTypeDefinition? Find(string name, Type? parameterTypeAtPosition)
    {
        if (_byName.TryGetValue(name, out var known)) return known;
        var enumType = parameterTypeAtPosition is null ? null : Nullable.GetUnderlyingType(parameterTypeAtPosition) ?? parameterTypeAtPosition;
        if (enumType is { IsEnum: true } && string.Equals(enumType.Name, name, StringComparison.Ordinal))
        {
            var names = Enum.GetNames(enumType).OrderByDescending(n => n.Length).Select(System.Text.RegularExpressions.Regex.Escape);
            return new ParameterTypeDefinition(name, ["(?i:" + string.Join("|", names) + ")"], enumType);
        }
        return null;
    }
}
