using System.Net;

namespace Kaizen.ModelHost;

/// <summary>The host's command line, parsed.</summary>
public sealed record ModelHostOptions
{
    /// <summary>Ollama's own default address.</summary>
    public const string DefaultUrl = "http://127.0.0.1:11434";

    /// <summary>The model name served by default.</summary>
    public const string DefaultModelName = "tinyllama";

    /// <summary>Addresses to listen on (<c>--urls</c>, separated by <c>;</c>); port 0 picks a free port.</summary>
    public IReadOnlyList<string> Urls { get; init; } = [DefaultUrl];

    /// <summary>The GGUF model file (<c>--model-file</c>); null = the project's installed model.</summary>
    public string? ModelFile { get; init; }

    /// <summary>The name clients use for the model (<c>--model-name</c>).</summary>
    public string ModelName { get; init; } = DefaultModelName;

    /// <summary><c>local</c> (the real model) or <c>scripted</c> (a deterministic stand-in for tests) (<c>--backend</c>).</summary>
    public string Backend { get; init; } = Backends.BackendFactory.Local;

    /// <summary>Allows binding to a non-loopback address (<c>--allow-remote</c>).</summary>
    public bool AllowRemote { get; init; }

    /// <summary>Requests served at the same time (<c>--parallel</c>); others wait their turn, as with Ollama's queue. Default 1.</summary>
    public int Parallel { get; init; } = 1;

    /// <summary>Scripted backend only: a pause before each streamed update (<c>--scripted-delay-ms</c>), so tests can cancel mid-stream.</summary>
    public TimeSpan ScriptedDelay { get; init; }

    /// <summary>
    /// True when <c>--prepare-cpu-copy</c> was given: write the model's faster CPU copy (<c>LocalModelCpuCopy</c>) beside
    /// the model file, then exit instead of serving.
    /// </summary>
    public bool PrepareCpuCopy { get; init; }

    /// <summary>True when <c>--help</c> was given.</summary>
    public bool ShowHelp { get; init; }

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Kaizen.ModelHost: serves one chat model over Ollama's API (/api/*) and OpenAI's chat-completions API (/v1/*).

        Options:
          --urls URL[;URL]       where to listen (default http://127.0.0.1:11434; port 0 = any free port)
          --model-file PATH      the GGUF model (default: tools/model/tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf,
                                 or its Q4_K_S CPU copy when there)
          --model-name NAME      the name clients ask for (default tinyllama; tinyllama:latest matches too)
          --backend local|scripted
                                 local = the real model (default); scripted = a deterministic stand-in, no model file
          --parallel N           requests generated at the same time (default 1; others queue)
          --scripted-delay-ms N  scripted backend: pause before each streamed update
          --allow-remote         allow listening on non-loopback addresses
          --prepare-cpu-copy     write the model's Q4_K_S copy beside it (about a minute, once; faster prompt
                                 evaluation on a CPU), then exit; tools/model/install.sh runs this
          --help                 this text

        The first line on stdout is "Kaizen.ModelHost listening on <address>".
        """;

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a one-line reason on bad input.</summary>
    public static ModelHostOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ModelHostOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? inline = null;
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && eq > 0) (arg, inline) = (arg[..eq], arg[(eq + 1)..]);
            string Value() => inline ?? (i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{arg} needs a value."));

            options = arg switch
            {
                "--urls" => options with { Urls = Value().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
                "--model-file" => options with { ModelFile = Value() },
                "--model-name" => options with { ModelName = NonEmpty(arg, Value()) },
                "--backend" => options with { Backend = Backends.BackendFactory.Check(Value()) },
                "--parallel" => options with { Parallel = PositiveInt(arg, Value()) },
                "--scripted-delay-ms" => options with { ScriptedDelay = TimeSpan.FromMilliseconds(PositiveInt(arg, Value(), allowZero: true)) },
                "--allow-remote" => options with { AllowRemote = true },
                "--prepare-cpu-copy" => options with { PrepareCpuCopy = true },
                "--help" or "-h" or "-?" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}' (see --help)."),
            };
        }
        if (options.Urls.Count == 0) throw new ArgumentException("--urls needs at least one address.");
        foreach (var url in options.Urls) CheckUrl(url, options.AllowRemote);
        return options;
    }

    /// <summary>True when <paramref name="host"/> can only be reached from this machine.</summary>
    public static bool IsLoopbackHost(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static void CheckUrl(string url, bool allowRemote)
    {
        // Kestrel's wildcards (*, +) are not valid URI hosts: read the host by hand.
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0 || !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"--urls: '{url}' is not an http:// address.");
        var rest = url[(schemeEnd + 3)..];
        var hostEnd = rest.StartsWith('[') ? rest.IndexOf(']', StringComparison.Ordinal) + 1 : rest.IndexOfAny([':', '/']);
        var host = hostEnd <= 0 ? rest : rest[..hostEnd];
        if (host.Length == 0) throw new ArgumentException($"--urls: '{url}' has no host.");
        if (!allowRemote && !IsLoopbackHost(host))
            throw new ArgumentException($"--urls: '{url}' is not a loopback address; this host serves 127.0.0.1 only unless --allow-remote is given.");
    }

    private static string NonEmpty(string option, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{option} needs a non-empty value.") : value.Trim();

    private static int PositiveInt(string option, string value, bool allowZero = false) =>
        int.TryParse(value, out var n) && (n > 0 || (allowZero && n == 0)) ? n : throw new ArgumentException($"{option}: '{value}' is not a {(allowZero ? "non-negative" : "positive")} whole number.");
}
