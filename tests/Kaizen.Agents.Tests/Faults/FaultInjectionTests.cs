using Kaizen.Testing.Processes;
using System.Security.Cryptography;
using Kaizen.Agents.Checkpoints;
using Kaizen.Agents.Llm;
using Kaizen.Agents.Memory;
using Kaizen.Agents.Tests.Agents.Support;
using Kaizen.Agents.Tests.Llm.Support;
using ToolTestKit = Kaizen.Agents.Tests.Tools.ToolTestKit;
using Kaizen.Agents.Tools;
using Kaizen.Agents.Tools.Approval;
using Kaizen.Agents.Tools.BuiltIn;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tests.Faults;

/// <summary>
/// Faults injected on purpose, many times over: damaged store files, a misbehaving model server, SIGKILL during
/// checkpointed runs, hostile tool calls. Every case must end either intact or in the documented error naming the
/// file or server; counts of tried / survived go to the test output.
/// </summary>
[Trait("Category", "faults")]
public sealed class FaultInjectionTests(ITestOutputHelper output) : IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(30);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static AgentState State(int turn) => new()
    {
        Task = "fault run", Turn = turn, MaxTurns = 20,
        Conversation = [new ConversationEntry("user", $"turn {turn} " + string.Concat(Enumerable.Repeat($"payload-{turn} ", 40)), turn)],
    };

    /// <summary>Flips 1–8 random bytes, or truncates at a random length (every fifth seed).</summary>
    private static string Damage(string path, int seed)
    {
        var random = new Random(seed);
        var bytes = File.ReadAllBytes(path);
        if (seed % 5 == 4)
        {
            var length = random.Next(0, bytes.Length);
            File.WriteAllBytes(path, bytes[..length]);
            return $"truncated to {length} of {bytes.Length} bytes";
        }
        var flips = random.Next(1, 9);
        for (var i = 0; i < flips; i++) bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
        File.WriteAllBytes(path, bytes);
        return $"{flips} byte(s) flipped";
    }

    private enum Outcome { Intact, NamedError, Failure }

    [Fact]
    public async Task Checkpoint_store_survives_random_byte_flips_and_truncations()
    {
        const int seeds = 100;
        var template = Path.Combine(_folder.Path, "template", "checkpoints.db");
        using (var store = new LiteDbCheckpointStore(template, CheckpointCompression.None))
        {
            string? parent = null;
            for (var turn = 1; turn <= 10; turn++)
                parent = (await store.SaveAsync(new CheckpointWrite("thread-a", parent, CheckpointKind.Auto, State(turn)), Ct)).Id;
        }

        var tally = new Dictionary<Outcome, int>();
        var failures = new List<string>();
        for (var seed = 0; seed < seeds; seed++)
        {
            var path = Path.Combine(_folder.Path, $"cp-{seed}", "checkpoints.db");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Copy(template, path);
            var how = Damage(path, seed);
            var (outcome, note) = await Task.Run(() => ProbeCheckpoints(path), Ct).WaitAsync(CaseLimit, Ct);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            if (outcome == Outcome.Failure) failures.Add($"seed {seed} ({how}): {note}");
        }

        Report("checkpoint store byte flips/truncations", seeds, tally, failures);
        failures.Should().BeEmpty();
    }

    private static (Outcome, string) ProbeCheckpoints(string path)
    {
        var before = File.ReadAllBytes(path);
        LiteDbCheckpointStore store;
        try
        {
            store = new LiteDbCheckpointStore(path);
        }
        catch (CheckpointStoreDamagedException ex)
        {
            if (!ex.Message.Contains(path)) return (Outcome.Failure, "open error does not name the file: " + ex.Message);
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(before)
                ? (Outcome.NamedError, "refused on open")
                : (Outcome.Failure, "a refused file was changed");
        }
        catch (Exception ex)
        {
            return (Outcome.Failure, $"open threw {ex.GetType().Name}: {ex.Message}");
        }

        using (store)
        {
            var first = Attempt(() =>
            {
                var list = store.ListAsync("thread-a").GetAwaiter().GetResult();
                if (list.Count != 10) return $"listed {list.Count} checkpoints without an error";
                foreach (var info in list)
                {
                    var loaded = store.LoadAsync(info.Id).GetAwaiter().GetResult();
                    if (loaded.State != State(loaded.State.Turn) && !StatesMatch(loaded.State, State(loaded.State.Turn)))
                        return $"checkpoint {info.Id} loaded with different content";
                }
                if (list.Select(i => i.Turn).Order().SequenceEqual(Enumerable.Range(1, 10)) is false) return "wrong turns without an error";
                return null;
            }, path);
            if (first.Outcome != Outcome.NamedError) return first;
            // The store stays usable after a failed call: the next call either works or fails the same documented way.
            var second = Attempt(() => { store.ListThreadsAsync().GetAwaiter().GetResult(); return null; }, path);
            return second.Outcome == Outcome.Failure ? (Outcome.Failure, "after an error: " + second.Note) : first;
        }
    }

    private static bool StatesMatch(AgentState a, AgentState b) =>
        a.Turn == b.Turn && a.Task == b.Task && a.Conversation.Select(e => e.Text).SequenceEqual(b.Conversation.Select(e => e.Text));

    private static (Outcome Outcome, string Note) Attempt(Func<string?> probe, string path)
    {
        try
        {
            return probe() is { } wrong ? (Outcome.Failure, wrong) : (Outcome.Intact, "");
        }
        catch (Exception ex) when (ex is CheckpointStoreDamagedException or CheckpointCorruptedException or MemoryStoreDamagedException)
        {
            return ex.Message.Contains(path) ? (Outcome.NamedError, ex.GetType().Name) : (Outcome.Failure, "error does not name the file: " + ex.Message);
        }
        catch (Exception ex)
        {
            return (Outcome.Failure, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [Fact]
    public async Task Memory_store_survives_random_byte_flips_and_truncations()
    {
        const int seeds = 60;
        const int turns = 120;
        var template = Path.Combine(_folder.Path, "memory-template.db");
        await using (var memory = new LiteDbMemoryBackend(template, "s1"))
        {
            for (var i = 0; i < turns; i++)
                await memory.StoreTurnAsync(i % 2 == 0 ? "user" : "assistant", $"turn {i}: " + string.Concat(Enumerable.Repeat($"memory-{i} ", 20)), DateTimeOffset.UnixEpoch.AddMinutes(i), cancellationToken: Ct);
        }

        var tally = new Dictionary<Outcome, int>();
        var failures = new List<string>();
        var salvaged = 0;
        var salvageRuns = 0;
        for (var seed = 0; seed < seeds; seed++)
        {
            var path = Path.Combine(_folder.Path, $"memory-{seed}.db");
            File.Copy(template, path);
            var how = Damage(path, 1000 + seed);
            var (outcome, note) = await ProbeMemory(path, turns).WaitAsync(CaseLimit, Ct);
            tally[outcome] = tally.GetValueOrDefault(outcome) + 1;
            if (outcome == Outcome.Failure) failures.Add($"seed {seed} ({how}): {note}");
            if (outcome == Outcome.NamedError)
            {
                var report = await MemoryRepair.ExportReadableTurnsAsync(path, path + ".jsonl", Ct);
                salvaged += report.TurnsExported;
                salvageRuns++;
            }
        }

        Report("memory store byte flips/truncations", seeds, tally, failures);
        output.WriteLine($"  repair export after errors: {salvageRuns} run(s), {salvaged} turn(s) salvaged (of {salvageRuns * turns} stored)");
        failures.Should().BeEmpty();
    }

    private static async Task<(Outcome, string)> ProbeMemory(string path, int turns)
    {
        var before = File.ReadAllBytes(path);
        try
        {
            await using var memory = new LiteDbMemoryBackend(path, "s1");
            var count = await memory.CountTurnsAsync();
            var loaded = await memory.LoadTurnsAsync(0, turns + 10);
            if (count != turns || loaded.Count != turns) return (Outcome.Failure, $"count {count}, loaded {loaded.Count} of {turns} without an error");
            foreach (var turn in loaded)
                if (!turn.Content.StartsWith($"turn {turn.Sequence}: ", StringComparison.Ordinal)) return (Outcome.Failure, $"turn {turn.Sequence} came back with other content");
            await memory.SearchColdAsync("memory-7", 3);
            return (Outcome.Intact, "");
        }
        catch (MemoryStoreDamagedException ex)
        {
            if (!ex.Message.Contains(path)) return (Outcome.Failure, "error does not name the file: " + ex.Message);
            if (ex.InnerException is null && !File.ReadAllBytes(path).AsSpan().SequenceEqual(before)) return (Outcome.Failure, "a refused file was changed");
            return (Outcome.NamedError, ex.Detail);
        }
        catch (Exception ex)
        {
            return (Outcome.Failure, $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    [Fact]
    public async Task A_misbehaving_model_server_gives_named_provider_errors_for_both_providers()
    {
        var tried = 0;
        var failures = new List<string>();
        await using (var ollama = new LoopbackOllamaServer())
        {
            var ollamaFaults = new (string Name, Func<OllamaBehaviour> Make, bool Succeeds, bool Streaming)[]
            {
                ("not JSON", () => OllamaBehaviour.Raw(200, "<html>gateway</html>\n"), false, false),
                ("not JSON, streaming", () => OllamaBehaviour.Raw(200, "<html>gateway</html>\n"), false, true),
                ("empty 200 body", () => OllamaBehaviour.Raw(200, ""), false, false),
                ("empty 200 body, streaming", () => OllamaBehaviour.Raw(200, ""), false, true),
                ("half a JSON line", () => OllamaBehaviour.Raw(200, "{\"model\":\"llama3.2:1b\",\"message\":{\"role\":\"assis"), false, false),
                ("500 with error body", () => OllamaBehaviour.Error(500, "CUDA out of memory"), false, false),
                ("connection cut", OllamaBehaviour.Cut, false, false),
                ("dropped mid-stream", () => OllamaBehaviour.DropAfter("one two three four", 2), false, true),
                ("tool arguments as a string", () => OllamaBehaviour.Reply("", ("read_file", (object)"{\"path\": \"a.txt\"}")), true, false),
            };
            foreach (var (name, make, succeeds, streaming) in ollamaFaults)
            {
                tried++;
                for (var i = 0; i < 2; i++) ollama.ThenChat(make());
                var config = new AutonomousConfig { Provider = LlmProviders.Ollama, Endpoint = ollama.Endpoint, MaxAttempts = 2 };
                if (await CheckProvider(LlmFactory.CreateChatClient(config), config, ollama.Endpoint, succeeds, streaming) is { } problem) failures.Add($"ollama {name}: {problem}");
            }
        }

        await using (var openai = new LoopbackOpenAIServer())
        {
            var openAIFaults = new (string Name, Action<LoopbackOpenAIServer> Queue, bool Succeeds)[]
            {
                ("500 with error body", s => s.ThenStatus(500, """{"error": {"message": "upstream exploded"}}"""), false),
                ("503 plain text", s => s.ThenStatus(503, "service unavailable, try later"), false),
                ("429 rate limit", s => s.ThenStatus(429, """{"error": {"message": "slow down"}}"""), false),
                ("not JSON", s => s.ThenStatus(200, "<html>gateway</html>"), false),
                ("empty 200 body", s => s.ThenStatus(200, ""), false),
                ("connection cut", s => s.ThenCut(), false),
                ("bad tool-call JSON", s => s.ThenReply("", ("read_file", "{\"path\": oops")), true),
            };
            foreach (var (name, queue, succeeds) in openAIFaults)
            {
                tried++;
                for (var i = 0; i < 2; i++) queue(openai);
                var config = new AutonomousConfig { Provider = LlmProviders.OpenAI, Model = "gpt-4o-mini", Endpoint = openai.Endpoint, MaxAttempts = 2 };
                if (await CheckProvider(LlmFactory.CreateOpenAIChatClient(config, "k"), config, openai.Endpoint, succeeds, streaming: false) is { } problem) failures.Add($"openai {name}: {problem}");
                while (openai.Requests.TryDequeue(out _)) { }
            }
        }

        Report("model server faults (Ollama + OpenAI-compatible)", tried, new() { [Outcome.NamedError] = tried - failures.Count, [Outcome.Failure] = failures.Count }, failures);
        failures.Should().BeEmpty();
    }

    private static async Task<string?> CheckProvider(IChatClient inner, AutonomousConfig config, string endpoint, bool succeeds, bool streaming)
    {
        var client = LlmFactory.BuildPipeline(inner, config, new UsageMeter(), new ZeroDelayTime());
        try
        {
            var response = streaming
                ? await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct).ToChatResponseAsync(Ct).WaitAsync(CaseLimit, Ct)
                : await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: Ct).WaitAsync(CaseLimit, Ct);
            return succeeds ? null : $"no error (reply '{response.Text}')";
        }
        catch (LlmProviderException ex)
        {
            if (succeeds) return $"failed: {ex.Message}";
            return ex.Message.Contains(endpoint) ? null : "error does not name the endpoint: " + ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !Ct.IsCancellationRequested)
        {
            return $"raw {ex.GetType().Name}: {ex.Message}";
        }
    }

    [Fact]
    public async Task Hostile_tool_calls_are_refused_and_nothing_outside_the_workspace_changes()
    {
        var root = Path.Combine(_folder.Path, "ws");
        var outside = Path.Combine(_folder.Path, "outside");
        Directory.CreateDirectory(root);
        Directory.CreateDirectory(outside);
        var secret = Path.Combine(outside, "secret.txt");
        File.WriteAllText(secret, "outside secret");
        File.CreateSymbolicLink(Path.Combine(root, "link-dir"), outside);
        File.CreateSymbolicLink(Path.Combine(root, "link-file.txt"), secret);
        ToolTestKit.HardLink(secret, Path.Combine(root, "hard.txt"));
        var executor = new ToolExecutor(new ToolRegistry().AddFileTools(new Workspace(root)), approvals: new CallbackApprovalHandler(_ => true));
        var hash = SHA256.HashData(File.ReadAllBytes(secret));

        var calls = new List<(string Name, FunctionCallContent Call)>();
        foreach (var path in new[] { "../outside/secret.txt", secret, "~/secret.txt", "a/../../outside/secret.txt", "link-dir/secret.txt", "link-file.txt", "hard.txt", "C:/Windows/win.ini", "..", "./../outside" })
        {
            calls.Add(($"read_file {path}", ToolTestKit.Call("read_file", new { path })));
            calls.Add(($"write_file {path}", ToolTestKit.Call("write_file", new { path, content = "pwned" })));
            calls.Add(($"append {path}", ToolTestKit.Call("write_file", new { path, content = "pwned", append = true })));
            calls.Add(($"delete_file {path}", ToolTestKit.Call("delete_file", new { path })));
        }
        calls.Add(("list_directory link-dir", ToolTestKit.Call("list_directory", new { path = "link-dir" })));
        calls.Add(("bad JSON list_directory", ToolTestKit.MalformedCall("list_directory", """{"path": "..", oops""")));
        calls.Add(("bad JSON write_file", ToolTestKit.MalformedCall("write_file", """{"path": "../outside/secret.txt", "content": """)));
        calls.Add(("wrong argument type", ToolTestKit.Call("read_file", new { path = new[] { "..", "outside" } })));
        calls.Add(("unknown argument", ToolTestKit.Call("read_file", new { path = "x", follow_links = true })));

        var failures = new List<string>();
        foreach (var (name, call) in calls)
        {
            var result = await executor.ExecuteAsync(call, ToolTestKit.Context, Ct);
            if (result.Status == ToolExecutionStatus.Succeeded) failures.Add($"{name}: ran ({result.Result})");
            if (!File.Exists(secret) || !SHA256.HashData(File.ReadAllBytes(secret)).AsSpan().SequenceEqual(hash)) failures.Add($"{name}: changed the outside file");
            if (result.Result?.ToString()?.Contains("outside secret") == true) failures.Add($"{name}: leaked the outside file");
        }

        Report("hostile tool calls", calls.Count, new() { [Outcome.NamedError] = calls.Count - failures.Count, [Outcome.Failure] = failures.Count }, failures);
        failures.Should().BeEmpty();
    }

    [Fact]
    [Trait("Category", "process")]
    public async Task Runs_killed_with_sigkill_at_random_points_resume_to_the_same_end_state()
    {
        const int kills = 5;
        const int turns = 40;
        string referenceHash;
        using (var referenceFolder = new TempFolder())
        using (var reference = AgentProcess.Start("run", referenceFolder.Path, $"{turns}", "1"))
            referenceHash = (await reference.ReadUntilAsync("done")).Split(' ')[2];

        var random = new Random(20261202);
        var failures = new List<string>();
        for (var k = 0; k < kills; k++)
        {
            var killAfter = random.Next(1, turns - 5);
            using var folder = new TempFolder();
            string threadId;
            using (var victim = AgentProcess.Start("run", folder.Path, $"{turns}", "1", "3"))
            {
                threadId = (await victim.ReadUntilAsync("thread")).Split(' ')[1];
                for (var seen = 0; seen < killAfter; seen++) await victim.ReadUntilAsync("checkpoint");
                victim.KillHard();
            }

            using (var store = new LiteDbCheckpointStore(Path.Combine(folder.Path, "checkpoints.db")))
            {
                foreach (var info in await store.ListAsync(threadId, Ct)) await store.LoadAsync(info.Id, Ct); // every saved checkpoint loads
            }

            using var resumer = AgentProcess.Start("resume", folder.Path, threadId);
            var done = (await resumer.ReadUntilAsync("done")).Split(' ');
            if (done[1] != $"{turns}" || done[2] != referenceHash) failures.Add($"kill after {killAfter} checkpoints: ended at turn {done[1]} with another state");
        }

        Report("SIGKILL during checkpointed runs + resume", kills, new() { [Outcome.Intact] = kills - failures.Count, [Outcome.Failure] = failures.Count }, failures);
        failures.Should().BeEmpty();
    }

    private void Report(string category, int tried, Dictionary<Outcome, int> tally, List<string> failures)
    {
        var survived = tried - tally.GetValueOrDefault(Outcome.Failure);
        output.WriteLine($"FAULTS {category}: tried {tried}, survived {survived} (intact {tally.GetValueOrDefault(Outcome.Intact)}, " +
                         $"documented error naming the file/server {tally.GetValueOrDefault(Outcome.NamedError)}, failed {tally.GetValueOrDefault(Outcome.Failure)})");
        foreach (var failure in failures.Take(20)) output.WriteLine("  FAILED " + failure);
    }

    /// <summary>Retry waits pass at once (the suite counts attempts, not time).</summary>
    private sealed class ZeroDelayTime : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            System.CreateTimer(callback, state, dueTime == Timeout.InfiniteTimeSpan ? dueTime : TimeSpan.Zero, period);
    }
}
