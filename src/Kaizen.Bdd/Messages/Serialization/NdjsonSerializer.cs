using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>
/// Cucumber Messages envelopes to and from NDJSON (one JSON object per line) in the wire format other Cucumber tools
/// read: camelCase properties, nulls omitted, enums by their wire names.
/// </summary>
public static class NdjsonSerializer
{
    /// <summary>The System.Text.Json options for envelopes (single-line output).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>One envelope as one JSON line (no trailing newline).</summary>
    /// <param name="envelope">The envelope.</param>
    public static string Serialize(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions)) Write(writer, envelope);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Options for a <see cref="Utf8JsonWriter"/> that <see cref="Write"/> writes to (same escaping as <see cref="Options"/>).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Options.Encoder, Indented = false };

    /// <summary>
    /// Writes one envelope as one JSON object. The envelope object is written here, its message through
    /// <see cref="Options"/>: System.Text.Json then builds metadata only for the message types a run really writes,
    /// not for the whole envelope graph up front, which was most of a test process's first-message cost.
    /// Same output as serializing the envelope itself: non-null members in the envelope's declaration order.
    /// </summary>
    /// <param name="writer">The destination (one top-level value per call).</param>
    /// <param name="envelope">The envelope.</param>
    public static void Write(Utf8JsonWriter writer, Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelope);
        if (FrequentMessageWriter.TryWrite(writer, envelope) || GherkinMessageWriter.TryWrite(writer, envelope)) return;
        writer.WriteStartObject();
        Member(writer, "attachment", envelope.Attachment);
        Member(writer, "gherkinDocument", envelope.GherkinDocument);
        Member(writer, "hook", envelope.Hook);
        Member(writer, "meta", envelope.Meta);
        Member(writer, "parameterType", envelope.ParameterType);
        Member(writer, "parseError", envelope.ParseError);
        Member(writer, "pickle", envelope.Pickle);
        Member(writer, "suggestion", envelope.Suggestion);
        Member(writer, "source", envelope.Source);
        Member(writer, "stepDefinition", envelope.StepDefinition);
        Member(writer, "testCase", envelope.TestCase);
        Member(writer, "testCaseFinished", envelope.TestCaseFinished);
        Member(writer, "testCaseStarted", envelope.TestCaseStarted);
        Member(writer, "testRunFinished", envelope.TestRunFinished);
        Member(writer, "testRunStarted", envelope.TestRunStarted);
        Member(writer, "testStepFinished", envelope.TestStepFinished);
        Member(writer, "testStepStarted", envelope.TestStepStarted);
        Member(writer, "testRunHookStarted", envelope.TestRunHookStarted);
        Member(writer, "testRunHookFinished", envelope.TestRunHookFinished);
        Member(writer, "undefinedParameterType", envelope.UndefinedParameterType);
        writer.WriteEndObject();
    }

    private static void Member<T>(Utf8JsonWriter writer, string name, T? message) where T : class
    {
        if (message is null) return;
        writer.WritePropertyName(name);
        JsonSerializer.Serialize(writer, message, Options);
    }

    /// <summary>Parses one JSON line.</summary>
    /// <param name="line">The JSON text.</param>
    /// <exception cref="JsonException">Not a valid envelope.</exception>
    public static Envelope Deserialize(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return JsonSerializer.Deserialize<Envelope>(line, Options)
            ?? throw new JsonException("The line is 'null', not an envelope.");
    }

    /// <summary>Writes envelopes, one per line.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="envelopes">The envelopes, in order.</param>
    /// <param name="cancellationToken">Cancels between envelopes.</param>
    public static async Task WriteAsync(TextWriter writer, IEnumerable<Envelope> envelopes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(envelopes);
        foreach (var envelope in envelopes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await writer.WriteAsync(Serialize(envelope)).ConfigureAwait(false);
            await writer.WriteAsync('\n').ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads every envelope of an NDJSON stream; blank lines are skipped.</summary>
    /// <param name="reader">The source.</param>
    /// <param name="sourceName">File or stream name used in errors.</param>
    /// <param name="cancellationToken">Cancels between lines.</param>
    /// <exception cref="NdjsonFormatException">A line is not a valid envelope (names the line).</exception>
    public static async Task<IReadOnlyList<Envelope>> ReadAllAsync(TextReader reader, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var envelopes = new List<Envelope>();
        var number = 0L;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                envelopes.Add(Deserialize(line));
            }
            catch (JsonException error)
            {
                throw new NdjsonFormatException(sourceName, number, $"not a valid Cucumber Messages envelope: {error.Message}", error);
            }
        }
        return envelopes;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
            // Keep '<', '>', '&', '+' and non-ASCII readable, as other Cucumber implementations write them.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = false,
        };
        options.Converters.Add(new MessageEnumConverterFactory());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
