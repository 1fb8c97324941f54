namespace Kaizen.Agents.Memory.Storage;

/// <summary>
/// A turn's primary key packs the session number (high 23 bits) and the sequence (low 40 bits) into one Int64,
/// so a session's turns are one contiguous, ordered range of LiteDB's primary index.
/// </summary>
internal static class TurnKey
{
    private const int SequenceBits = 40;
    public const long MaxSequence = (1L << SequenceBits) - 1;

    public static long Compose(int sessionNumber, long sequence) => ((long)sessionNumber << SequenceBits) | sequence;

    public static int SessionNumber(long key) => (int)(key >> SequenceBits);

    public static long Sequence(long key) => key & MaxSequence;

    public static long First(int sessionNumber) => Compose(sessionNumber, 0);

    public static long Last(int sessionNumber) => Compose(sessionNumber, MaxSequence);

    public static string Format(long key) => key.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static bool TryParse(string id, out long key) =>
        long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out key);
}
