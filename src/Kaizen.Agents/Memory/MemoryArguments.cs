using System.Text;

namespace Kaizen.Agents.Memory;

/// <summary>The argument checks every memory backend makes, with the same messages whatever the store.</summary>
internal static class MemoryArguments
{
    /// <summary>A turn to store: a role, non-null content within <paramref name="maxContentBytes"/> (<paramref name="limitNote"/> says why the store caps it).</summary>
    public static void CheckTurn(NewTurn turn, int maxContentBytes, string limitNote = "")
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentException.ThrowIfNullOrWhiteSpace(turn.Role, "role");
        ArgumentNullException.ThrowIfNull(turn.Content, "content");
        var bytes = Encoding.UTF8.GetByteCount(turn.Content);
        if (bytes > maxContentBytes)
            throw new ArgumentException(
                $"The turn content is {bytes:N0} UTF-8 bytes; the limit is {maxContentBytes:N0} (MemoryOptions.MaxContentBytes{limitNote}). " +
                "Store large outputs as files and keep a reference in the turn.", "content");
    }

    /// <summary>A cold search: a non-empty query and a non-negative count.</summary>
    public static void CheckSearch(string query, int k)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (string.IsNullOrWhiteSpace(query)) throw new ArgumentException("The search query is empty; pass the task or question to match turns against.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegative(k);
    }
}
