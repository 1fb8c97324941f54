using System.ComponentModel;
using System.Globalization;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Expressions;
using Kaizen.Bdd.Injection;
using Kaizen.Bdd.Tables;

namespace Kaizen.Bdd.Conversion;

/// <summary>
/// Turns captured step text, tables and doc strings into a step method's parameter values: user transformations first
/// (named parameter type, then by return type), then built-in conversions (numbers, enums, DateTime, Guid, ...).
/// </summary>
internal sealed class ArgumentConverter(BindingRegistry registry, CultureInfo culture)
{
    public async ValueTask<object?> ConvertAsync(MatchedArgument argument, Type target, ScenarioContainer container)
    {
        if (argument.ParameterType?.Transformer is { } transformer)
        {
            var parameters = transformer.GetParameters();
            object?[] raw = parameters.Length > 1 && argument.GroupValues.Count >= parameters.Length
                ? argument.GroupValues.Take(parameters.Length).ToArray()
                : [argument.Value];
            var converted = new object?[raw.Length];
            for (var i = 0; i < raw.Length; i++) converted[i] = await ConvertTextAsync((string?)raw[i], parameters[i].ParameterType, container).ConfigureAwait(false);
            var result = await BindingInvoker.InvokeAsync(transformer, container, converted).ConfigureAwait(false);
            return result is null || target.IsInstanceOfType(result) ? result : await ConvertTextAsync(result.ToString(), target, container).ConfigureAwait(false);
        }
        return await ConvertTextAsync(argument.Value, target, container).ConfigureAwait(false);
    }

    public async ValueTask<object?> ConvertTextAsync(string? value, Type target, ScenarioContainer container)
    {
        if (target == typeof(string) || target == typeof(object)) return value;
        if (value is null) return target.IsValueType && Nullable.GetUnderlyingType(target) is null ? Activator.CreateInstance(target) : null;

        foreach (var transformation in registry.Transformations)
        {
            if (transformation.IsTableTransformation || !target.IsAssignableFrom(transformation.ReturnType) || transformation.ReturnType == typeof(object)) continue;
            if (transformation.AcceptsAnyText)
            {
                if (transformation.Method.GetParameters().Length != 1) continue;
                var input = await ConvertTextAsync(value, transformation.Method.GetParameters()[0].ParameterType, container).ConfigureAwait(false);
                return await BindingInvoker.InvokeAsync(transformation.Method, container, [input]).ConfigureAwait(false);
            }
            if (transformation.Match(value) is not { } match) continue;
            var parameters = transformation.Method.GetParameters();
            var groups = match.Groups.Count > 1 ? match.Groups.Values.Skip(1).Select(g => g.Success ? g.Value : null).ToArray() : [value];
            var arguments = new object?[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
                arguments[i] = await ConvertTextAsync(i < groups.Length ? groups[i] : null, parameters[i].ParameterType, container).ConfigureAwait(false);
            return await BindingInvoker.InvokeAsync(transformation.Method, container, arguments).ConfigureAwait(false);
        }
        return ConvertBuiltIn(value, target);
    }

    public async ValueTask<object?> ConvertTableAsync(DataTable table, Type target, ScenarioContainer container)
    {
        if (target.IsAssignableFrom(typeof(DataTable))) return table;
        var transformation = registry.Transformations.FirstOrDefault(t => t.IsTableTransformation && target.IsAssignableFrom(t.ReturnType))
            ?? throw new InvalidOperationException(
                $"Cannot convert a data table to {target.Name}: take a DataTable parameter or add a [StepArgumentTransformation] method 'static {target.Name} X(DataTable table)'.");
        return await BindingInvoker.InvokeAsync(transformation.Method, container, [table]).ConfigureAwait(false);
    }

    public ValueTask<object?> ConvertDocStringAsync(DocString docString, Type target, ScenarioContainer container) =>
        target.IsAssignableFrom(typeof(DocString)) ? ValueTask.FromResult<object?>(docString) : ConvertTextAsync(docString.Content, target, container);

    private object? ConvertBuiltIn(string value, Type target)
    {
        var type = Nullable.GetUnderlyingType(target) ?? target;
        if (Nullable.GetUnderlyingType(target) is not null && value.Length == 0) return null;
        try
        {
            if (type.IsEnum) return ParseEnum(value, type);
            if (type == typeof(Guid)) return Guid.Parse(value);
            if (type == typeof(DateTime)) return DateTime.Parse(value, culture, DateTimeStyles.AllowWhiteSpaces);
            if (type == typeof(DateTimeOffset)) return DateTimeOffset.Parse(value, culture, DateTimeStyles.AllowWhiteSpaces);
            if (type == typeof(TimeSpan)) return TimeSpan.Parse(value, culture);
            if (type == typeof(bool)) return bool.Parse(value);
            if (type == typeof(System.Numerics.BigInteger)) return System.Numerics.BigInteger.Parse(value, CultureInfo.InvariantCulture);
            if (type.IsPrimitive || type == typeof(decimal)) return ParseNumber(value, type);
            var converter = TypeDescriptor.GetConverter(type);
            if (converter.CanConvertFrom(typeof(string))) return converter.ConvertFromString(null, culture, value);
        }
        catch (Exception invalid) when (invalid is FormatException or OverflowException or ArgumentException or NotSupportedException)
        {
            throw new InvalidCastException($"Cannot convert '{value}' to {target.Name}: {invalid.Message}", invalid);
        }
        throw new InvalidCastException(
            $"Cannot convert '{value}' to {target.Name}: add a [StepArgumentTransformation] method returning {target.Name}.");
    }

    private object ParseNumber(string value, Type type)
    {
        // The feature's culture first (Reqnroll's binding culture), the invariant culture as fallback.
        try { return Convert.ChangeType(value, type, culture); }
        catch (FormatException) when (!Equals(culture, CultureInfo.InvariantCulture))
        {
            return Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        }
    }

    private static object ParseEnum(string value, Type type)
    {
        if (Enum.TryParse(type, value, ignoreCase: true, out var parsed)) return parsed!;
        var compact = value.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (Enum.TryParse(type, compact, ignoreCase: true, out parsed)) return parsed!;
        throw new FormatException($"'{value}' is not one of {string.Join(", ", Enum.GetNames(type))}.");
    }
}
