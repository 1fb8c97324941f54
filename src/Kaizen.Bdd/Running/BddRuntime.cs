using System.Collections.Concurrent;
using System.Reflection;
using Gherkin.CucumberMessages;
using Kaizen.Bdd.Bindings;
using Kaizen.Bdd.Configuration;
using Kaizen.Bdd.Messages;

namespace Kaizen.Bdd.Running;

/// <summary>
/// The test run of one test assembly, as driven by generated test classes: reads <c>reqnroll.json</c> next to the assembly,
/// discovers <c>[Binding]</c> classes (assembly + <c>bindingAssemblies</c>), writes the NDJSON messages file
/// (<c>KAIZEN_BDD_MESSAGES_FILE</c> or <c>formatters.message.outputFilePath</c>), and finishes the run once
/// (xUnit assembly fixture, or process exit as a fallback).
/// </summary>
public static class BddRuntime
{
    /// <summary>Environment variable overriding the messages file path (absolute path).</summary>
    public const string MessagesFileVariable = "KAIZEN_BDD_MESSAGES_FILE";

    private static readonly ConcurrentDictionary<Assembly, Lazy<Task<AssemblyRun>>> Runs = new();

    /// <summary>Starts the run of <paramref name="testAssembly"/> (idempotent): messages header, bindings, BeforeTestRun hooks.</summary>
    public static Task StartRunAsync(Assembly testAssembly) => GetRunAsync(testAssembly);

    /// <summary>Runs AfterTestRun hooks, writes testRunFinished and closes the messages file (idempotent).</summary>
    public static async Task FinishRunAsync(Assembly testAssembly)
    {
        if (Runs.TryGetValue(testAssembly, out var run)) await (await run.Value.ConfigureAwait(false)).FinishAsync().ConfigureAwait(false);
    }

    internal static Task<AssemblyRun> GetRunAsync(Assembly testAssembly) =>
        Runs.GetOrAdd(testAssembly, assembly => new Lazy<Task<AssemblyRun>>(() => AssemblyRun.StartAsync(assembly))).Value;

    /// <summary>The messages file for an assembly folder and configuration (env var first).</summary>
    internal static string MessagesFilePath(string assemblyFolder, string assemblyName, ReqnrollConfiguration configuration)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(MessagesFileVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        var configured = configuration.MessageOutputFilePath ?? Path.Combine("TestResults", assemblyName + ".ndjson");
        return Path.GetFullPath(Path.Combine(assemblyFolder, configured));
    }

    internal sealed class AssemblyRun
    {
        private int _finished;

        private AssemblyRun(RunSession session, IEnvelopeSink sink, ReqnrollConfiguration configuration)
        {
            Session = session;
            Sink = sink;
            Configuration = configuration;
        }

        public RunSession Session { get; }
        public IEnvelopeSink Sink { get; }
        public ReqnrollConfiguration Configuration { get; }

        public static async Task<AssemblyRun> StartAsync(Assembly assembly)
        {
            var folder = Path.GetDirectoryName(assembly.Location) is { Length: > 0 } location ? location : AppContext.BaseDirectory;
            var configuration = ReqnrollConfigurationReader.LoadOrDefault(Path.Combine(folder, "reqnroll.json"));
            var assemblies = new List<Assembly> { assembly };
            foreach (var name in configuration.BindingAssemblies)
            {
                try { assemblies.Add(Assembly.Load(name)); }
                catch (Exception error) when (error is FileNotFoundException or FileLoadException or BadImageFormatException)
                {
                    throw new InvalidOperationException($"reqnroll.json bindingAssemblies: cannot load assembly '{name}': {error.Message}", error);
                }
            }
            var ids = new SynchronizedIdGenerator(new GuidIdGenerator());
            var registry = BindingRegistry.Build(BindingDiscovery.FindBindingTypes(assemblies), ids);
            var sink = new NdjsonFileEnvelopeSink(MessagesFilePath(folder, assembly.GetName().Name ?? "tests", configuration));
            var session = new RunSession(registry, sink, ids, TimeProvider.System, configuration.MissingOrPendingStepsOutcome, configuration.FeatureLanguage);
            var run = new AssemblyRun(session, sink, configuration);
            session.EmitMeta();
            session.EmitBindings();
            await session.StartRunAsync(CancellationToken.None).ConfigureAwait(false);
            await session.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            AppDomain.CurrentDomain.ProcessExit += (_, _) => run.FinishAsync().GetAwaiter().GetResult();
            return run;
        }

        public async Task FinishAsync()
        {
            if (Interlocked.Exchange(ref _finished, 1) == 1) return;
            try { await Session.FinishRunAsync(CancellationToken.None).ConfigureAwait(false); }
            finally { await Sink.DisposeAsync().ConfigureAwait(false); }
        }
    }
}
