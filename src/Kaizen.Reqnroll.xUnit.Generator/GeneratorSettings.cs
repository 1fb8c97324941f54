using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>
    /// The reqnroll.json keys the generator needs (the AdditionalFiles item named reqnroll.json):
    /// <c>generator.addNonParallelizableMarkerForTags</c> and <c>language.feature</c>.
    /// Read with a tolerant scan because the compiler host gives generators no JSON library.
    /// </summary>
    internal sealed class GeneratorSettings : IEquatable<GeneratorSettings>
    {
        public static readonly GeneratorSettings Default = new GeneratorSettings(new string[0], "en");

        private static readonly Regex NonParallelTags = new Regex("\"addNonParallelizableMarkerForTags\"\\s*:\\s*\\[(?<items>[^\\]]*)\\]");
        private static readonly Regex FeatureLanguage = new Regex("\"language\"\\s*:\\s*\\{[^}]*\"feature\"\\s*:\\s*\"(?<value>[^\"]+)\"");
        private static readonly Regex JsonString = new Regex("\"(?<value>(?:[^\"\\\\]|\\\\.)*)\"");

        public GeneratorSettings(string[] nonParallelTags, string language)
        {
            NonParallelizableTags = nonParallelTags;
            Language = language;
        }

        /// <summary>Tags without <c>@</c>.</summary>
        public string[] NonParallelizableTags { get; }

        public string Language { get; }

        public static GeneratorSettings Parse(string? json)
        {
            if (string.IsNullOrWhiteSpace(json)) return Default;
            var tags = new string[0];
            var tagsMatch = NonParallelTags.Match(json);
            if (tagsMatch.Success)
                tags = JsonString.Matches(tagsMatch.Groups["items"].Value).Cast<Match>()
                    .Select(m => m.Groups["value"].Value.TrimStart('@')).Where(t => t.Length > 0).ToArray();
            var languageMatch = FeatureLanguage.Match(json);
            var language = languageMatch.Success ? languageMatch.Groups["value"].Value : "en";
            return new GeneratorSettings(tags, language);
        }

        public bool Equals(GeneratorSettings? other) =>
            other != null && Language == other.Language && NonParallelizableTags.SequenceEqual(other.NonParallelizableTags);

        public override bool Equals(object? obj) => Equals(obj as GeneratorSettings);

        public override int GetHashCode() => Language.GetHashCode() ^ NonParallelizableTags.Length;
    }
}
