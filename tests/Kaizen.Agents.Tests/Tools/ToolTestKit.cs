using System.Diagnostics;
using System.Text.Json;
using Kaizen.Agents.Tools;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Tools;

/// <summary>Small helpers shared by the tool tests: a temp folder, a counting tool, call builders.</summary>
internal static class ToolTestKit
{
    public static readonly ToolCallContext Context = new("agent-1", "thread-1", 1);

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static FunctionCallContent Call(string name, object? arguments = null, string callId = "c1")
    {
        var json = JsonSerializer.SerializeToElement(arguments ?? new { });
        var dict = json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone());
        return new FunctionCallContent(callId, name, dict);
    }

    /// <summary>Makes a hard link with the platform's own command (.NET has no API for it).</summary>
    public static void HardLink(string target, string link)
    {
        var info = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd", ["/c", "mklink", "/H", link, target])
            : new ProcessStartInfo("ln", [target, link]);
        info.RedirectStandardOutput = info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }

    /// <summary>A call whose argument text the model botched (not JSON at all).</summary>
    public static FunctionCallContent MalformedCall(string name, string rawArguments, string callId = "c1") =>
        FunctionCallContent.CreateFromParsedArguments(rawArguments, callId, name,
            s => JsonSerializer.Deserialize<Dictionary<string, object?>>(s));
}

/// <summary>A tool that counts how often it really ran, to prove that refused calls never execute.</summary>
internal sealed class CountingTool
{
    private int _runs;
    public int Runs => Volatile.Read(ref _runs);
    public Func<int, Task<string>> Behaviour { get; set; } = _ => Task.FromResult("ok");

    public AIFunction Function(string name = "count") => AIFunctionFactory.Create(
        async (string text, int times = 1) =>
        {
            var run = Interlocked.Increment(ref _runs);
            return await Behaviour(run) + $":{text}x{times}";
        },
        name, "Counts its runs.");
}

/// <summary>A temp folder deleted at the end of the test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = Directory.CreateTempSubdirectory("kz-tools-").FullName;
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
