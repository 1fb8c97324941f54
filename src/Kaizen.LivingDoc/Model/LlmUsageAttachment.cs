using System.Text;
using System.Text.Json;
using Kaizen.LivingDoc.Messages;

namespace Kaizen.LivingDoc.Model;

/// <summary>
/// Reads the LLM usage attachments Kaizen.Specs records (contract in docs/living-doc.md): media type
/// <see cref="MediaType"/>, body <c>{"inputTokens":1,"outputTokens":2,"costUsd":0.01,"model":"m","calls":1}</c>.
/// </summary>
internal static class LlmUsageAttachment
{
    public const string MediaType = "application/vnd.kaizen.llm-usage+json";

    public static bool IsUsage(AttachmentMessage attachment) =>
        string.Equals(attachment.MediaType, MediaType, StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the body; returns null and a reason when it does not follow the contract.</summary>
    public static LlmUsage? TryRead(AttachmentMessage attachment, out string? problem)
    {
        problem = null;
        try
        {
            var body = attachment.Body ?? "";
            if (string.Equals(attachment.ContentEncoding, "BASE64", StringComparison.OrdinalIgnoreCase))
                body = Encoding.UTF8.GetString(Convert.FromBase64String(body));
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (!root.TryGetProperty("inputTokens", out var input) || !input.TryGetInt64(out var inputTokens) ||
                !root.TryGetProperty("outputTokens", out var output) || !output.TryGetInt64(out var outputTokens))
            {
                problem = "LLM usage attachment without integer inputTokens/outputTokens";
                return null;
            }
            decimal? cost = root.TryGetProperty("costUsd", out var c) && c.TryGetDecimal(out var d) ? d : null;
            var calls = root.TryGetProperty("calls", out var n) && n.TryGetInt32(out var callCount) ? callCount : 1;
            IReadOnlyList<string> models = root.TryGetProperty("model", out var m) && m.ValueKind == JsonValueKind.String ? [m.GetString()!] : [];
            return new LlmUsage(inputTokens, outputTokens, cost, calls, models);
        }
        catch (Exception ex) when (ex is JsonException or FormatException)
        {
            problem = $"LLM usage attachment body is not JSON: {ex.Message}";
            return null;
        }
    }

    public static LlmUsage? Sum(IEnumerable<LlmUsage?> usages)
    {
        LlmUsage? total = null;
        foreach (var usage in usages)
        {
            if (usage is null) continue;
            total = total is null ? usage : new LlmUsage(
                total.InputTokens + usage.InputTokens,
                total.OutputTokens + usage.OutputTokens,
                total.CostUsd is null && usage.CostUsd is null ? null : (total.CostUsd ?? 0) + (usage.CostUsd ?? 0),
                total.Calls + usage.Calls,
                total.Models.Concat(usage.Models).Distinct(StringComparer.Ordinal).ToList());
        }
        return total;
    }
}
