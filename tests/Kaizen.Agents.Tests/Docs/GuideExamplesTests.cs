using System.Reflection;
using System.Text.RegularExpressions;
using Kaizen.Build;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kaizen.Agents.Tests.Docs;

/// <summary>Every C# example of the agents guide and of the README's library section compiles against the library as it is.</summary>
[Trait("Category", "docs")]
public sealed partial class GuideExamplesTests
{
    // What a reader has in scope: the project's implicit usings, the library's namespaces, a model client and a token.
    private const string Preamble = """
        global using System;
        global using System.IO;
        global using System.Linq;
        global using System.Collections.Generic;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using Kaizen.Agents;
        global using Kaizen.Agents.Checkpoints;
        global using Kaizen.Agents.Llm;
        global using Kaizen.Agents.Memory;
        global using Kaizen.Agents.Tools;
        global using Kaizen.Agents.Tools.Approval;
        global using Microsoft.Extensions.AI;
        global using Microsoft.Extensions.DependencyInjection;
        """;

    private const string Givens = """
        static class Given
        {
            public static IChatClient chatClient = null!;
            public static CancellationToken ct;
            public static string dataFolder = "";
        }
        """;

    [Theory]
    [InlineData("docs/agents.md", "# ")]
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
            [CSharpSyntaxTree.ParseText(Preamble), CSharpSyntaxTree.ParseText(program), CSharpSyntaxTree.ParseText(Givens)],
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
