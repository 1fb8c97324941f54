using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>
/// Compile-time JSON metadata for every message an envelope holds: a test process writes thousands of messages once,
/// and building their metadata by reflection (one emitted accessor per property) was a large part of its start-up cost.
/// The wire format (camelCase, nulls omitted, enum wire names) is set by <see cref="NdjsonSerializer.Options"/>.
/// </summary>
[JsonSerializable(typeof(Envelope))]
internal sealed partial class MessagesJsonContext : JsonSerializerContext;
