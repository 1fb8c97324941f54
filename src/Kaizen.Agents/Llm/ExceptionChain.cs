namespace Kaizen.Agents.Llm;

/// <summary>Reads a chain of inner exceptions, as HTTP client libraries wrap the cause of a provider failure.</summary>
internal static class ExceptionChain
{
    /// <summary>The first exception of type <typeparamref name="T"/> in the chain, or null.</summary>
    public static T? Find<T>(Exception? error) where T : Exception
    {
        for (; error is not null; error = error.InnerException)
            if (error is T match) return match;
        return null;
    }

    /// <summary>Every distinct message of the chain, outermost first, joined by " -> ".</summary>
    public static string Flatten(Exception error)
    {
        var parts = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) parts.Add(e.Message);
        return string.Join(" -> ", parts.Distinct());
    }
}
