using System.Reflection;
using System.Text.RegularExpressions;
using Kaizen.Build;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kaizen.Agents.Tests.Docs;

/// <summary>Every C# example of the library's guides and of the README's library section compiles against the library as it is.</summary>
[Trait("Category", "docs")]
public sealed partial class GuideExamplesTests
{
    // What a reader has in scope: the project's implicit usings, Microsoft.Extensions.AI and DI, and every namespace of
    // the library and its companions (the usings an IDE adds); the names the guides take as given are in Givens.
    private const string ImplicitUsings = """
        global using System;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Microsoft.Extensions.AI;
        global using Microsoft.Extensions.DependencyInjection;
        """;

    private static readonly Type[] LibraryAssemblies =
        [typeof(AutonomousAgent), typeof(Kaizen.Agents.PostgreSql.PostgresDatabase), typeof(Kaizen.Agents.LocalModel.LocalChatClient), typeof(Kaizen.Agents.Embeddings.MiniLM.MiniLMEmbeddingGenerator)];

    private static readonly Lazy<string> Preamble = new(() => ImplicitUsings + string.Concat(LibraryAssemblies
        .SelectMany(type => type.Assembly.GetExportedTypes())
        .Select(type => type.Namespace)
        .Distinct()
        .Order(StringComparer.Ordinal)
        .Select(ns => $"global using {ns};\n")));

    private const string Givens = """
        static class Given
        {
            public static IChatClient chatClient = null!;
            public static IChatClient model = null!;
            public static AutonomousConfig config = new();
            public static AutonomousAgent agent = null!, coderAgent = null!, researchAgent = null!;
            public static ToolRegistry registry = new();
            public static List<AgentTask> tasks = [];
            public static string checkpointId = "";
            public static string dataFolder = "";
            public static CancellationToken ct, cancellationToken;
            public static string Weather(string city) => "";
            public static ValueTask SaveAsync(string json, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        }
        """;

    [Theory]
    [InlineData("docs/agents.md", "# ")]
    [InlineData("docs/memory.md", "# ")]
    [InlineData("docs/tools-planning-orchestration.md", "# ")]
    [InlineData("docs/postgresql.md", "# ")]
    [InlineData("docs/local-model.md", "# ")]
    [InlineData("README.md", "## Using the library")]
    public void Every_csharp_example_compiles(string guide, string section)
    {
        var markdown = Section(File.ReadAllText(Path.Combine(RepositoryRoot.Path, guide)).ReplaceLineEndings("\n"), section);
        var blocks = CSharpBlock().Matches(markdown).ToList();
        blocks.Should().NotBeEmpty();

        var failures = blocks.Select(block => (Line: markdown[..block.Index].Count(c => c == '\n') + 1, Errors: Compile(block.Groups["code"].Value)))
            .Where(result => result.Errors.Count > 0)
            .Select(result => $"{guide}:{result.Line}: {string.Join("; ", result.Errors)}")
            .ToList();

        failures.Should().BeEmpty();
    }

    // From the heading to the next heading of the same level (the whole file for a top-level heading).
    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        var next = markdown.IndexOf("\n" + heading[..heading.IndexOf(' ')] + " ", start + heading.Length, StringComparison.Ordinal);
        return heading == "# " || next < 0 ? markdown[start..] : markdown[start..next];
    }

    private static List<string> Compile(string example)
    {
        var lines = example.Split('\n');
        var usings = lines.Where(l => UsingDirective().IsMatch(l)).ToList();
        var body = string.Join('\n', lines.Where(l => !UsingDirective().IsMatch(l)));
        var program = string.Join('\n', usings) + "\nusing static Given;\n" + body;
        var compilation = CSharpCompilation.Create(
            "GuideExample",
            [CSharpSyntaxTree.ParseText(Preamble.Value), CSharpSyntaxTree.ParseText(program), CSharpSyntaxTree.ParseText(Givens)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
    }

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var local = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return platform.Concat(local)
            .Where(IsManaged)
            .GroupBy(Path.GetFileName)
            .Select(group => (MetadataReference)MetadataReference.CreateFromFile(group.First()))
            .ToList();
    });

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"^using [A-Za-z0-9_.]+;\s*$")]
    private static partial Regex UsingDirective();
}
