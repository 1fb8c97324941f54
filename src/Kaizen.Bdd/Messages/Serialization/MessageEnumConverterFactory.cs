using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>
/// Writes Cucumber Messages enums by the wire name the package puts in each member's <see cref="DescriptionAttribute"/>:
/// <c>PASSED</c>, <c>BEFORE_TEST_RUN</c>, but <c>Context</c> for step types and <c>text/x.cucumber.gherkin+plain</c>
/// for source media types. Reading accepts the wire name or the member name.
/// </summary>
internal sealed class MessageEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsEnum && typeToConvert.Namespace == "Io.Cucumber.Messages.Types";

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    private sealed class Converter<TEnum> : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
                throw new JsonException($"Expected a string for {typeof(TEnum).Name}, found {reader.TokenType}.");
            var text = reader.GetString()!;
            return MessageEnumNames<TEnum>.FromWire.TryGetValue(text, out var value)
                ? value
                : throw new JsonException($"'{text}' is not a {typeof(TEnum).Name}; expected one of {string.Join(", ", MessageEnumNames<TEnum>.ToWire.Values)}.");
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            writer.WriteStringValue(MessageEnumNames<TEnum>.Wire(value));
    }
}

/// <summary>The wire names of one Cucumber Messages enum (its members' <see cref="DescriptionAttribute"/>), read once.</summary>
internal static class MessageEnumNames<TEnum> where TEnum : struct, Enum
{
    public static Dictionary<TEnum, string> ToWire { get; } = new();
    public static Dictionary<string, TEnum> FromWire { get; } = new(StringComparer.Ordinal);

    static MessageEnumNames()
    {
        foreach (var field in typeof(TEnum).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var value = (TEnum)field.GetValue(null)!;
            var wire = field.GetCustomAttribute<DescriptionAttribute>()?.Description ?? field.Name;
            ToWire[value] = wire;
            FromWire[wire] = value;
            FromWire.TryAdd(field.Name, value);
        }
    }

    /// <summary>The wire name of <paramref name="value"/>; a value the enum does not define is an error.</summary>
    public static string Wire(TEnum value) =>
        ToWire.TryGetValue(value, out var wire) ? wire : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name}.");
}
