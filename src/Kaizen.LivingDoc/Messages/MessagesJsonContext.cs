using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.LivingDoc.Messages;

/// <summary>
/// Compile-time JSON metadata for the envelopes (camelCase, case-insensitive, numbers also as strings: the Web
/// defaults). A one-shot CLI call would otherwise spend a good part of its time building that metadata by reflection.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Envelope))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext;
