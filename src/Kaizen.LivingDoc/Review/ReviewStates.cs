namespace Kaizen.LivingDoc.Review;

/// <summary>The review states of a scenario on the page.</summary>
internal static class ReviewStates
{
    /// <summary>Signed off, and its text is still what was signed.</summary>
    public const string Reviewed = "reviewed";
    /// <summary>Signed off, but its text changed since.</summary>
    public const string Changed = "changed";
    /// <summary>Never signed off.</summary>
    public const string New = "new";
    /// <summary>Signed off, and no longer in the feature files.</summary>
    public const string Gone = "gone";
}
