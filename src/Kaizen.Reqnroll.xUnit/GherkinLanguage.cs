using Gherkin;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>Maps a culture name (<c>en-US</c>) to a Gherkin dialect, falling back to its language (<c>en</c>).</summary>
internal static class GherkinLanguage
{
    public static string Resolve(string culture)
    {
        try
        {
            new GherkinDialectProvider("en").GetDialect(culture, null);
            return culture;
        }
        catch (NoSuchLanguageException)
        {
            return culture.Split('-')[0];
        }
    }
}
