namespace Kaizen.Bdd.Tables;

/// <summary>A Gherkin doc string (<c>"""</c> block) with its optional media type (e.g. <c>json</c>).</summary>
/// <param name="Content">The text between the delimiters, indentation removed.</param>
/// <param name="MediaType">The media type written after the opening delimiter, or null.</param>
public sealed record DocString(string Content, string? MediaType = null)
{
    /// <summary>The content.</summary>
    public override string ToString() => Content;

    /// <summary>Lets a binding parameter of type <see cref="string"/> receive the doc string.</summary>
    /// <param name="docString">The doc string.</param>
    public static implicit operator string(DocString docString) => docString.Content;
}
