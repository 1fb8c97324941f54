using System.Globalization;
using System.Text.Json;

namespace Kaizen.Agents.LocalModel;

/// <summary>Bounds that keep every grammar-constrained reply finite (a small model repeats itself until a limit).</summary>
/// <param name="MaxStringLength">Longest JSON string, in characters.</param>
/// <param name="MaxArrayItems">Most items of a JSON array.</param>
/// <param name="MaxTextLength">Longest plain-text reply (tool grammar without a response format).</param>
/// <param name="MaxGenericDepth">Nesting depth of a JSON value whose shape the schema does not give.</param>
/// <param name="MaxGenericProperties">Most properties of an object whose properties the schema does not give.</param>
public sealed record GrammarLimits(int MaxStringLength = 200, int MaxArrayItems = 8, int MaxTextLength = 400, int MaxGenericDepth = 3, int MaxGenericProperties = 8);

/// <summary>
/// Turns a JSON schema into GBNF rules so that every sampled reply is compact JSON matching it. Supported: objects
/// (properties in schema order, required ones always present), strings of bounded length (<c>maxLength</c>,
/// <c>minLength</c>), <c>enum</c>, <c>const</c>, numbers, integers, booleans, null, arrays with bounded items,
/// <c>anyOf</c>/<c>oneOf</c>, type lists, local <c>$ref</c>. Anything else becomes a bounded generic JSON value.
/// </summary>
public sealed class JsonSchemaGrammar
{
    /// <summary>A comma between members, optionally followed by one space.</summary>
    internal const string Comma = "\",\" \" \"?";

    /// <summary>A colon after a key, optionally followed by one space.</summary>
    internal const string Colon = "\":\" \" \"?";

    private readonly GbnfWriter _writer = new();
    private readonly GrammarLimits _limits;
    private readonly JsonElement _rootSchema;
    private readonly Dictionary<string, string> _refs = new(StringComparer.Ordinal);
    private int _depth;

    private JsonSchemaGrammar(JsonElement rootSchema, GrammarLimits limits)
    {
        _rootSchema = rootSchema;
        _limits = limits;
    }

    /// <summary>A complete grammar whose root is a value of <paramref name="schema"/> (an object when null).</summary>
    public static string ForSchema(JsonElement? schema, GrammarLimits? limits = null)
    {
        var builder = new JsonSchemaGrammar(schema ?? default, limits ?? new GrammarLimits());
        var value = schema is { } s ? builder.Value(s, "reply") : builder.GenericObject(0);
        builder._writer.Set("root", value);
        return builder._writer.Write();
    }

    /// <summary>Builds grammars that combine several schemas (used for tool calls); rules share one writer.</summary>
    internal static JsonSchemaGrammar Create(GrammarLimits limits) => new(default, limits);

    internal GbnfWriter Writer => _writer;

    /// <summary>The rule for a value of <paramref name="schema"/>; <paramref name="hint"/> names it.</summary>
    internal string ValueFor(JsonElement? schema, string hint) => schema is { } s ? Value(s, hint, s) : GenericObject(0);

    private string Value(JsonElement schema, string hint) => Value(schema, hint, _rootSchema);

    private string Value(JsonElement schema, string hint, JsonElement root)
    {
        if (++_depth > 32) { _depth--; return GenericValue(0); }
        try { return ValueCore(schema, hint, root); }
        finally { _depth--; }
    }

    private string ValueCore(JsonElement schema, string hint, JsonElement root)
    {
        if (schema.ValueKind == JsonValueKind.True) return GenericValue(0);
        if (schema.ValueKind != JsonValueKind.Object) return GenericValue(0);

        if (schema.TryGetProperty("$ref", out var reference) && reference.ValueKind == JsonValueKind.String)
            return Reference(reference.GetString()!, hint, root);
        if (schema.TryGetProperty("const", out var constant))
            return _writer.Add(hint + "-const", GbnfWriter.Literal(constant.GetRawText()));
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array && values.GetArrayLength() > 0)
            return _writer.Add(hint + "-enum", string.Join(" | ", values.EnumerateArray().Select(v => GbnfWriter.Literal(Compact(v)))));
        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var options) && options.ValueKind == JsonValueKind.Array && options.GetArrayLength() > 0)
                return _writer.Add(hint + "-any", string.Join(" | ", options.EnumerateArray().Select((o, i) => Value(o, $"{hint}-{i + 1}", root))));
        }
        if (schema.TryGetProperty("allOf", out var all) && all.ValueKind == JsonValueKind.Array && all.GetArrayLength() == 1)
            return Value(all[0], hint, root);

        if (schema.TryGetProperty("type", out var type))
        {
            if (type.ValueKind == JsonValueKind.String) return Typed(type.GetString()!, schema, hint, root);
            if (type.ValueKind == JsonValueKind.Array)
            {
                var kinds = type.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).ToList();
                if (kinds.Count == 1) return Typed(kinds[0], schema, hint, root);
                if (kinds.Count > 1) return _writer.Add(hint + "-types", string.Join(" | ", kinds.Select(k => Typed(k, schema, $"{hint}-{k}", root))));
            }
        }
        if (schema.TryGetProperty("properties", out _)) return Typed("object", schema, hint, root);
        if (schema.TryGetProperty("items", out _)) return Typed("array", schema, hint, root);
        return GenericValue(0);
    }

    private string Typed(string type, JsonElement schema, string hint, JsonElement root) => type switch
    {
        "string" => StringRule(schema),
        "integer" => Integer(),
        "number" => Number(),
        "boolean" => _writer.Add("boolean", "\"true\" | \"false\""),
        "null" => _writer.Add("null", "\"null\""),
        "array" => ArrayRule(schema, hint, root),
        "object" => ObjectRule(schema, hint, root),
        _ => GenericValue(0),
    };

    private string Reference(string reference, string hint, JsonElement root)
    {
        if (_refs.TryGetValue(reference, out var known)) return known;
        if (root.ValueKind != JsonValueKind.Object || !reference.StartsWith("#", StringComparison.Ordinal)) return GenericValue(0);
        var target = root;
        foreach (var part in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(key, out target)) return GenericValue(0);
        }
        var name = _writer.Reserve(hint + "-ref");
        _refs[reference] = name;
        _writer.Set(name, Value(target, hint, root));
        return name;
    }

    private string StringRule(JsonElement schema)
    {
        var max = Math.Min(IntOr(schema, "maxLength", _limits.MaxStringLength), _limits.MaxStringLength);
        var min = Math.Clamp(IntOr(schema, "minLength", 0), 0, max);
        var character = Character();
        return _writer.Add($"string-{min}-{max}", $"\"\\\"\" {character}{{{min},{max}}} \"\\\"\"");
    }

    private string Character() =>
        _writer.Add("char", "[^\"\\\\\\x00-\\x1f] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4})");

    private string Integer() => _writer.Add("integer", "\"-\"? (\"0\" | [1-9] [0-9]{0,15})");

    private string Number() => _writer.Add("number", "\"-\"? (\"0\" | [1-9] [0-9]{0,15}) (\".\" [0-9]{1,6})?");

    private string ArrayRule(JsonElement schema, string hint, JsonElement root)
    {
        var item = schema.TryGetProperty("items", out var items) && items.ValueKind is JsonValueKind.Object or JsonValueKind.True
            ? Value(items, hint + "-item", root)
            : GenericValue(1);
        var max = Math.Min(IntOr(schema, "maxItems", _limits.MaxArrayItems), _limits.MaxArrayItems);
        var min = Math.Clamp(IntOr(schema, "minItems", 0), 0, max);
        return _writer.Add(hint + "-array", ArrayBody(item, min, max));
    }

    private static string ArrayBody(string item, int min, int max)
    {
        if (max == 0) return "\"[\" \"]\"";
        var tail = $"({Comma} {item}){{{Math.Max(min - 1, 0)},{max - 1}}}";
        return min == 0 ? $"\"[\" ({item} {tail})? \"]\"" : $"\"[\" {item} {tail} \"]\"";
    }

    private string ObjectRule(JsonElement schema, string hint, JsonElement root)
    {
        if (!schema.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object || !properties.EnumerateObject().Any())
            return GenericObject(0);
        var required = schema.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array
            ? req.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToHashSet(StringComparer.Ordinal)
            : [];
        var pairs = properties.EnumerateObject()
            .Select(p => (p.Name, Required: required.Contains(p.Name), Rule: Pair(p.Name, p.Value, hint, root)))
            .OrderBy(p => p.Required ? 0 : 1)
            .ToList();
        string body;
        if (pairs[0].Required)
        {
            body = "\"{\" " + string.Join(" ", pairs.Select((p, i) => i == 0 ? p.Rule : p.Required ? $"{Comma} {p.Rule}" : $"({Comma} {p.Rule})?")) + " \"}\"";
        }
        else
        {
            // No required property: any one may come first, the later ones stay optional.
            var starts = pairs.Select((p, i) => string.Join(" ", new[] { p.Rule }.Concat(pairs.Skip(i + 1).Select(q => $"({Comma} {q.Rule})?"))));
            body = "\"{\" (" + string.Join(" | ", starts) + ")? \"}\"";
        }
        return _writer.Add(hint + "-object", body);
    }

    private string Pair(string name, JsonElement schema, string hint, JsonElement root)
    {
        var value = Value(schema, $"{hint}-{name}", root);
        return _writer.Add($"{hint}-{name}-kv", $"{GbnfWriter.Literal(JsonSerializer.Serialize(name))} {Colon} {value}");
    }

    /// <summary>Any JSON value, nested at most <see cref="GrammarLimits.MaxGenericDepth"/> deep.</summary>
    private string GenericValue(int depth)
    {
        var scalars = $"{StringRule(default)} | {Number()} | {_writer.Add("boolean", "\"true\" | \"false\"")} | {_writer.Add("null", "\"null\"")}";
        if (depth >= _limits.MaxGenericDepth) return _writer.Add($"scalar", scalars);
        var array = _writer.Add($"any-array-{depth}", ArrayBody(GenericValue(depth + 1), 0, _limits.MaxArrayItems));
        return _writer.Add($"any-value-{depth}", $"{scalars} | {GenericObject(depth)} | {array}");
    }

    /// <summary>Any JSON object with string keys and at most <see cref="GrammarLimits.MaxGenericProperties"/> properties.</summary>
    private string GenericObject(int depth)
    {
        var key = _writer.Add("key", $"\"\\\"\" [a-zA-Z_] [a-zA-Z0-9_]{{0,39}} \"\\\"\"");
        var value = depth >= _limits.MaxGenericDepth ? _writer.Add("scalar", $"{StringRule(default)} | {Number()} | {_writer.Add("boolean", "\"true\" | \"false\"")} | {_writer.Add("null", "\"null\"")}") : GenericValue(depth + 1);
        var pair = _writer.Add($"any-kv-{depth}", $"{key} {Colon} {value}");
        var max = _limits.MaxGenericProperties;
        return _writer.Add($"any-object-{depth}", $"\"{{\" ({pair} ({Comma} {pair}){{0,{max - 1}}})? \"}}\"");
    }

    private static int IntOr(JsonElement schema, string name, int fallback) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n >= 0 ? n : fallback;

    private static string Compact(JsonElement value) => JsonSerializer.Serialize(value);

    internal static string FormatInvariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
