using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kaizen.Bdd.Configuration;

/// <summary>
/// Reads <c>reqnroll.json</c>. Honoured keys: <c>language.feature</c>, <c>runtime.missingOrPendingStepsOutcome</c>,
/// <c>generator.addNonParallelizableMarkerForTags</c>, <c>formatters.message.outputFilePath</c>, <c>bindingAssemblies</c>,
/// <c>ide.traceability.tagLinks</c>. Other keys are ignored; key names are case-insensitive.
/// </summary>
public static class ReqnrollConfigurationReader
{
    /// <summary>The conventional file name.</summary>
    public const string FileName = "reqnroll.json";

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of the configuration file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ReqnrollConfigurationException">Malformed JSON or a wrong key type/value.</exception>
    public static async Task<ReqnrollConfiguration> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(json, path);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">Path of the configuration file.</param>
    /// <exception cref="ReqnrollConfigurationException">Malformed JSON or a wrong key type/value.</exception>
    public static ReqnrollConfiguration Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Reads the file at <paramref name="path"/>, or returns <see cref="ReqnrollConfiguration.Default"/> when it does not exist.</summary>
    /// <param name="path">Path of the configuration file.</param>
    /// <exception cref="ReqnrollConfigurationException">Malformed JSON or a wrong key type/value.</exception>
    public static ReqnrollConfiguration LoadOrDefault(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path), path) : ReqnrollConfiguration.Default;

    /// <summary>Parses configuration text.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="file">The file name used in error messages.</param>
    /// <exception cref="ReqnrollConfigurationException">Malformed JSON or a wrong key type/value.</exception>
    public static ReqnrollConfiguration Parse(string json, string file = FileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var root = JsonLineTree.Parse(json, file);
        var read = new KeyReader(file);
        read.Expect(root, "(root)", JsonTokenType.StartObject, "an object");

        var defaults = ReqnrollConfiguration.Default;
        return new ReqnrollConfiguration
        {
            FeatureLanguage = read.String(root, "language", "feature") ?? defaults.FeatureLanguage,
            MissingOrPendingStepsOutcome = read.Outcome(root) ?? defaults.MissingOrPendingStepsOutcome,
            NonParallelizableTags = read.StringArray(root, "generator", "addNonParallelizableMarkerForTags")
                ?.Select(t => t.TrimStart('@')).ToList() ?? defaults.NonParallelizableTags,
            MessageOutputFilePath = read.String(root, "formatters", "message", "outputFilePath"),
            BindingAssemblies = read.BindingAssemblies(root) ?? defaults.BindingAssemblies,
            TagLinks = read.TagLinks(root) ?? defaults.TagLinks,
        };
    }

    private sealed class KeyReader(string file)
    {
        public string? String(JsonLineNode root, params string[] path)
        {
            var node = Find(root, path);
            if (node is null || node.Kind == JsonTokenType.Null) return null;
            Expect(node, Key(path), JsonTokenType.String, "a string");
            return node.Text;
        }

        public IReadOnlyList<string>? StringArray(JsonLineNode root, params string[] path)
        {
            var node = Find(root, path);
            if (node is null || node.Kind == JsonTokenType.Null) return null;
            Expect(node, Key(path), JsonTokenType.StartArray, "an array of strings");
            return node.Items.Select((item, i) =>
            {
                Expect(item, $"{Key(path)}[{i}]", JsonTokenType.String, "a string");
                return item.Text!;
            }).ToList();
        }

        public MissingOrPendingStepsOutcome? Outcome(JsonLineNode root)
        {
            string[] path = ["runtime", "missingOrPendingStepsOutcome"];
            var text = String(root, path);
            if (text is null) return null;
            if (Enum.TryParse<MissingOrPendingStepsOutcome>(text, ignoreCase: true, out var outcome) && Enum.IsDefined(outcome))
                return outcome;
            throw new ReqnrollConfigurationException(file, Find(root, path)!.Line, Key(path),
                $"must be one of {string.Join(", ", Enum.GetNames<MissingOrPendingStepsOutcome>())}, but was \"{text}\".");
        }

        public IReadOnlyList<string>? BindingAssemblies(JsonLineNode root)
        {
            var node = Find(root, ["bindingAssemblies"]);
            if (node is null || node.Kind == JsonTokenType.Null) return null;
            Expect(node, "bindingAssemblies", JsonTokenType.StartArray, "an array of { \"assembly\": \"Name\" } objects");
            return node.Items.Select((item, i) =>
            {
                var key = $"bindingAssemblies[{i}]";
                if (item.Kind == JsonTokenType.String) return item.Text!;
                Expect(item, key, JsonTokenType.StartObject, "an object { \"assembly\": \"Name\" }");
                var assembly = item["assembly"]
                    ?? throw new ReqnrollConfigurationException(file, item.Line, key, "needs an \"assembly\" property.");
                Expect(assembly, key + ".assembly", JsonTokenType.String, "a string");
                return assembly.Text!;
            }).ToList();
        }

        public IReadOnlyList<TagLink>? TagLinks(JsonLineNode root)
        {
            string[] path = ["ide", "traceability", "tagLinks"];
            var node = Find(root, path);
            if (node is null || node.Kind == JsonTokenType.Null) return null;
            Expect(node, Key(path), JsonTokenType.StartArray, "an array of { \"tagPattern\", \"urlTemplate\" } objects");
            return node.Items.Select((item, i) =>
            {
                var key = $"{Key(path)}[{i}]";
                Expect(item, key, JsonTokenType.StartObject, "an object { \"tagPattern\", \"urlTemplate\" }");
                var pattern = Required(item, key, "tagPattern");
                var template = Required(item, key, "urlTemplate");
                try
                {
                    _ = new Regex(pattern.Text!);
                }
                catch (ArgumentException error)
                {
                    throw new ReqnrollConfigurationException(file, pattern.Line, key + ".tagPattern",
                        $"is not a valid regular expression: {error.Message}", error);
                }
                return new TagLink(pattern.Text!, template.Text!);
            }).ToList();
        }

        public void Expect(JsonLineNode node, string key, JsonTokenType kind, string expected)
        {
            var matches = node.Kind == kind;
            if (!matches)
                throw new ReqnrollConfigurationException(file, node.Line, key, $"must be {expected}, but is {node.Describe()}.");
        }

        private JsonLineNode Required(JsonLineNode parent, string key, string name)
        {
            var node = parent[name]
                ?? throw new ReqnrollConfigurationException(file, parent.Line, key, $"needs a \"{name}\" string.");
            Expect(node, $"{key}.{name}", JsonTokenType.String, "a string");
            return node;
        }

        // Walks the path; an intermediate key that is not an object is an error naming it.
        private JsonLineNode? Find(JsonLineNode root, string[] path)
        {
            var node = root;
            for (var i = 0; i < path.Length; i++)
            {
                var next = node[path[i]];
                if (next is null) return null;
                if (i < path.Length - 1 && next.Kind != JsonTokenType.Null)
                    Expect(next, Key(path[..(i + 1)]), JsonTokenType.StartObject, "an object");
                if (next.Kind == JsonTokenType.Null) return i == path.Length - 1 ? next : null;
                node = next;
            }
            return node;
        }

        private static string Key(string[] path) => string.Join('.', path);
    }
}
