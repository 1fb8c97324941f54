using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.LocalModel;

/// <summary>JSON settings for what the model reads: compact, readable characters (no \u escapes for quotes or accents).</summary>
internal static class LocalJson
{
    public static readonly JsonSerializerOptions Options = new(AIJsonUtilities.DefaultOptions)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };
}
