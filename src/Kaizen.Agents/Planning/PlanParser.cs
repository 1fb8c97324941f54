using System.Text.Json;

namespace Kaizen.Agents.Planning;

/// <summary>
/// Reads the model's plan: <c>{"steps":[{"description":"…","expected_outcome":"…"}]}</c> (also <c>expectedOutcome</c>,
/// a bare array, or the object inside prose or a code fence). Anything else throws <see cref="PlanFormatException"/>
/// with a message fit to send back to the model.
/// </summary>
public static class PlanParser
{
    /// <summary>The format the model is asked for, as shown in prompts.</summary>
    public const string Format = """{"steps":[{"description":"what to do","expected_outcome":"what success looks like"}]}""";

    /// <summary>
    /// <see cref="Format"/> as a JSON schema (strings and the step list bounded), sent as the response format so that a
    /// model with structured output can only write a plan this parser reads.
    /// </summary>
    public static System.Text.Json.JsonElement Schema(int maxSteps, int minSteps = 1) => System.Text.Json.JsonSerializer.SerializeToElement(new
    {
        type = "object",
        properties = new
        {
            steps = new
            {
                type = "array",
                minItems = minSteps,
                maxItems = maxSteps,
                items = new
                {
                    type = "object",
                    properties = new
                    {
                        description = new { type = "string", maxLength = 160 },
                        expected_outcome = new { type = "string", maxLength = 120 },
                    },
                    required = new[] { "description", "expected_outcome" },
                },
            },
        },
        required = new[] { "steps" },
    });

    /// <summary>Parses the steps, or throws <see cref="PlanFormatException"/>.</summary>
    public static IReadOnlyList<PlannedStep> Parse(string text)
    {
        var json = ExtractJson(text ?? "") ?? throw new PlanFormatException("the reply contains no JSON object or array");
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(json);
            root = doc.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new PlanFormatException($"the JSON is invalid ({ex.Message})");
        }

        var steps = root.ValueKind switch
        {
            JsonValueKind.Array => root,
            JsonValueKind.Object when root.TryGetProperty("steps", out var s) && s.ValueKind == JsonValueKind.Array => s,
            _ => throw new PlanFormatException("the JSON has no \"steps\" array"),
        };

        var result = new List<PlannedStep>();
        var index = 0;
        foreach (var step in steps.EnumerateArray())
        {
            index++;
            if (step.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(step.GetString()))
            {
                result.Add(new PlannedStep(step.GetString()!.Trim(), ""));
                continue;
            }
            if (step.ValueKind != JsonValueKind.Object)
                throw new PlanFormatException($"step {index} is not an object");
            var description = Text(step, "description") ?? Text(step, "step") ?? Text(step, "action");
            if (string.IsNullOrWhiteSpace(description))
                throw new PlanFormatException($"step {index} has no \"description\"");
            var expected = Text(step, "expected_outcome") ?? Text(step, "expectedOutcome") ?? Text(step, "expected") ?? "";
            result.Add(new PlannedStep(description.Trim(), expected.Trim()));
        }
        if (result.Count == 0) throw new PlanFormatException("the \"steps\" array is empty");
        return result;
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? ExtractJson(string text)
    {
        var start = text.IndexOfAny(['{', '[']);
        if (start < 0) return null;
        var close = text[start] == '{' ? '}' : ']';
        var end = text.LastIndexOf(close);
        return end > start ? text[start..(end + 1)] : text[start..];
    }
}

/// <summary>The model's plan could not be read; the message says why (and is sent back to the model for repair).</summary>
public sealed class PlanFormatException(string message) : FormatException(message);

/// <summary>Planning could not go on: no readable plan after the repair retry, or the replan budget is spent.</summary>
public sealed class PlanningException(string message, Exception? inner = null) : Exception(message, inner);
