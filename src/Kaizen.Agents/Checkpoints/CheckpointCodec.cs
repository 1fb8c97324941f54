using System.Buffers;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kaizen.Agents.Checkpoints;

/// <summary>Turns an <see cref="AgentState"/> into stored bytes (JSON, then compression) and back, with a SHA-256 of the JSON.</summary>
public static class CheckpointCodec
{
    /// <summary>Largest serialized state that <see cref="CheckpointCompression.Auto"/> compresses with Brotli at its best quality.</summary>
    public const int SmallStateBytes = 4 * 1024;

    /// <summary>Serializes and compresses a state; <see cref="EncodedState.Compression"/> tells which algorithm was used.</summary>
    public static EncodedState Encode(AgentState state, CheckpointCompression compression)
    {
        var raw = JsonSerializer.SerializeToUtf8Bytes(state, CheckpointJsonContext.Default.AgentState);
        var hash = Convert.ToHexStringLower(SHA256.HashData(raw));
        var (stored, used) = compression switch
        {
            CheckpointCompression.None => (raw, compression),
            CheckpointCompression.Brotli => (BrotliCompress(raw, quality: 5), compression),
            CheckpointCompression.Zstd => (ZstdCompress(raw), compression),
            CheckpointCompression.Auto when raw.Length <= SmallStateBytes => (BrotliCompress(raw, quality: 11), CheckpointCompression.Brotli),
            CheckpointCompression.Auto => (ZstdCompress(raw), CheckpointCompression.Zstd),
            _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "Unknown checkpoint compression."),
        };
        return new EncodedState(stored, raw.Length, hash, used);
    }

    /// <summary>Decompresses, verifies and deserializes a stored state. Throws <see cref="InvalidDataException"/> with the reason when it does not verify.</summary>
    public static AgentState Decode(ReadOnlySpan<byte> stored, CheckpointCompression compression, long rawSize, string sha256)
    {
        byte[] raw;
        try
        {
            raw = compression switch
            {
                CheckpointCompression.None => stored.ToArray(),
                CheckpointCompression.Brotli => BrotliDecompress(stored, rawSize),
                CheckpointCompression.Zstd => ZstdDecompress(stored, rawSize),
                CheckpointCompression.Auto => throw new InvalidDataException("the record says 'Auto' instead of the algorithm actually used"),
                _ => throw new InvalidDataException($"unknown compression code {(int)compression}"),
            };
        }
        catch (Exception ex) when (ex is not InvalidDataException)
        {
            throw new InvalidDataException($"the {compression} payload cannot be decompressed ({ex.Message})", ex);
        }
        if (raw.Length != rawSize) throw new InvalidDataException($"the payload is {raw.Length} bytes once decompressed, {rawSize} were written (truncated?)");
        var actual = Convert.ToHexStringLower(SHA256.HashData(raw));
        if (!string.Equals(actual, sha256, StringComparison.Ordinal))
            throw new InvalidDataException($"SHA-256 mismatch (stored {sha256[..12]}…, computed {actual[..12]}…)");
        return JsonSerializer.Deserialize(raw, CheckpointJsonContext.Default.AgentState)
               ?? throw new InvalidDataException("the payload is JSON null");
    }

    private static byte[] BrotliCompress(byte[] raw, int quality)
    {
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(raw.Length)];
        // Quality 5 keeps most of Brotli's ratio on large JSON at a fraction of the cost of 11; Auto uses 11 on small states only.
        if (!BrotliEncoder.TryCompress(raw, buffer, out var written, quality, window: 22))
            throw new InvalidOperationException("Brotli compression failed.");
        return buffer.AsSpan(0, written).ToArray();
    }

    private static byte[] BrotliDecompress(ReadOnlySpan<byte> stored, long rawSize)
    {
        var buffer = new byte[rawSize];
        if (!BrotliDecoder.TryDecompress(stored, buffer, out var written) || written != rawSize)
            throw new InvalidDataException("the Brotli payload is truncated or damaged");
        return buffer;
    }

    private static byte[] ZstdCompress(byte[] raw)
    {
        using var compressor = new ZstdSharp.Compressor(level: 3);
        return compressor.Wrap(raw).ToArray();
    }

    private static byte[] ZstdDecompress(ReadOnlySpan<byte> stored, long rawSize)
    {
        using var decompressor = new ZstdSharp.Decompressor();
        var buffer = new byte[rawSize];
        var written = decompressor.Unwrap(stored, buffer);
        if (written != rawSize) throw new InvalidDataException("the zstd payload is truncated or damaged");
        return buffer;
    }
}

/// <summary>A serialized state ready to store.</summary>
/// <param name="Stored">The bytes to store.</param>
/// <param name="RawSize">Bytes of the JSON before compression.</param>
/// <param name="Sha256">SHA-256 (hex) of the JSON.</param>
/// <param name="Compression">The algorithm the bytes are compressed with (never <see cref="CheckpointCompression.Auto"/>).</param>
public sealed record EncodedState(byte[] Stored, long RawSize, string Sha256, CheckpointCompression Compression);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentState))]
internal sealed partial class CheckpointJsonContext : JsonSerializerContext;
