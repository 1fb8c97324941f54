using System.IO.Compression;

namespace Kaizen.Packaging.Tests;

[Trait("Category", "packaging")]
public sealed class LocalFeedTests(LocalFeed feed) : IClassFixture<LocalFeed>
{
    [Fact]
    public void The_library_package_carries_readme_licence_xml_docs_and_symbols()
    {
        var package = Path.Combine(feed.Folder, $"Kaizen.Agents.{feed.Version}.nupkg");
        using var archive = ZipFile.OpenRead(package);
        var nuspec = new StreamReader(archive.GetEntry("Kaizen.Agents.nuspec")!.Open()).ReadToEnd();

        archive.Entries.Select(e => e.FullName).Should().Contain(["README.md", "lib/net10.0/Kaizen.Agents.dll", "lib/net10.0/Kaizen.Agents.xml"]);
        nuspec.Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("<readme>README.md</readme>")
            .And.NotContain("Kaizen.Agents.Testing");
        File.Exists(Path.Combine(feed.Folder, $"Kaizen.Agents.{feed.Version}.snupkg")).Should().BeTrue();
    }

    [Fact]
    public void The_postgresql_package_carries_its_readme_and_depends_on_the_library_and_npgsql()
    {
        using var archive = ZipFile.OpenRead(Path.Combine(feed.Folder, $"Kaizen.Agents.PostgreSql.{feed.Version}.nupkg"));
        var nuspec = new StreamReader(archive.GetEntry("Kaizen.Agents.PostgreSql.nuspec")!.Open()).ReadToEnd();

        archive.Entries.Select(e => e.FullName).Should().Contain(["README.md", "lib/net10.0/Kaizen.Agents.PostgreSql.dll", "lib/net10.0/Kaizen.Agents.PostgreSql.xml"]);
        nuspec.Should().Contain("<license type=\"expression\">MIT</license>").And.Contain("id=\"Kaizen.Agents\"").And.Contain("id=\"Npgsql\"");
    }

    [Fact]
    public async Task The_living_doc_tool_installs_from_the_feed_and_renders_a_page()
    {
        var work = Directory.CreateDirectory(Path.Combine(feed.Root, "tool-run")).FullName;
        var tools = Path.Combine(work, "tools");
        var features = Directory.CreateDirectory(Path.Combine(work, "features")).FullName;
        await File.WriteAllTextAsync(Path.Combine(features, "greeting.feature"),
            "Feature: Greeting\n\n  Scenario: A visitor is greeted by name\n    Given a visitor called Ada\n    Then the page says \"Hello, Ada\"\n",
            TestContext.Current.CancellationToken);

        var install = await DotnetCli.DotnetAsync(work, "tool", "install", "Kaizen.LivingDoc", "--tool-path", tools, "--add-source", feed.Folder, "--version", feed.Version);
        install.ExitCode.Should().Be(0, install.Output);
        var page = Path.Combine(work, "page.html");
        var render = await DotnetCli.RunAsync(Path.Combine(tools, "kaizen-livingdoc"), work, TimeSpan.FromMinutes(5), "render", "--features", features, "--out", page);

        render.ExitCode.Should().Be(0, render.Output);
        (await File.ReadAllTextAsync(page, TestContext.Current.CancellationToken)).Should().Contain("A visitor is greeted by name");
    }

    [Fact]
    public async Task A_scratch_project_builds_and_runs_an_agent_from_the_feed()
    {
        var project = Directory.CreateDirectory(Path.Combine(feed.Root, "scratch")).FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="kaizen-local" value="{feed.Folder}" />
              </packageSources>
            </configuration>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Scratch.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Kaizen.Agents" Version="{feed.Version}" />
                <PackageReference Include="Kaizen.Agents.Testing" Version="{feed.Version}" />
              </ItemGroup>
            </Project>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), """
            using Kaizen.Agents;
            using Kaizen.Agents.Llm;

            var model = new ScriptedChatClient(new ChatScript().Complete(new { result = "packed and running" }));
            using var agent = new AgentBuilder(new AutonomousConfig { DataFolder = Path.Combine(AppContext.BaseDirectory, "data") })
                .UseChatClient(model)
                .UseMemory("memory.db")
                .Build();
            var result = await agent.RunAutonomousAsync("Say where you run from.", maxTurns: 2);
            Console.WriteLine($"{result.StopReason}: {result.GetOutput<string>("result")}");
            """, TestContext.Current.CancellationToken);

        var run = await DotnetCli.DotnetAsync(project, "run");

        run.ExitCode.Should().Be(0, run.Output);
        run.Output.Should().Contain("Completed: packed and running");
    }
}
