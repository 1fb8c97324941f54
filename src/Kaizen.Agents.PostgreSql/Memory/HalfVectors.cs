using System.Buffers.Binary;

namespace Kaizen.Agents.PostgreSql;

/// <summary>
/// Embeddings stored compactly: IEEE half precision, little-endian, 2 bytes per dimension (512 bytes for the 256-dimension
/// default, 768 for MiniLM). Vectors are L2-normalised, so every component fits half precision's range; the rounding
/// (about 3 significant digits) moves cosine scores by far less than the gaps that rank turns.
/// </summary>
internal static class HalfVectors
{
    public static byte[]? Encode(ReadOnlySpan<float> vector)
    {
        if (vector.IsEmpty) return null;
        var bytes = new byte[vector.Length * 2];
        for (var i = 0; i < vector.Length; i++) BinaryPrimitives.WriteHalfLittleEndian(bytes.AsSpan(i * 2), (Half)vector[i]);
        return bytes;
    }

    public static float[] Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % 2 != 0) throw new InvalidDataException($"an embedding of {bytes.Length} bytes is not a whole number of half-precision values");
        var vector = new float[bytes.Length / 2];
        for (var i = 0; i < vector.Length; i++) vector[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes.Slice(i * 2));
        return vector;
    }
}
