using Kaizen.Agents.Llm;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Backends;

/// <summary>Builds the chat client the host serves, from the command line.</summary>
public static class BackendFactory
{
    /// <summary>The real model on the CPU.</summary>
    public const string Local = "local";

    /// <summary>A deterministic stand-in (<see cref="ScriptedBackend"/>): no model file, instant replies.</summary>
    public const string Scripted = "scripted";

    /// <summary>The installed model's path, relative to the repository root.</summary>
    public const string DefaultModelRelativePath = "tools/model/tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf";

    /// <summary>Returns the backend name if known; throws with the choices otherwise.</summary>
    public static string Check(string backend) => backend.Trim().ToLowerInvariant() switch
    {
        Local => Local,
        Scripted => Scripted,
        _ => throw new ArgumentException($"--backend: '{backend}' is not a backend; use 'local' or 'scripted'."),
    };

    /// <summary>
    /// Creates the backend and describes the model it serves. Throws <see cref="ModelHostStartupException"/> with a
    /// one-line reason (e.g. a missing model file and how to install it).
    /// </summary>
    public static (IChatClient Client, ServedModel Model) Create(ModelHostOptions options)
    {
        switch (options.Backend)
        {
            case Scripted:
                IChatClient scripted = ScriptedBackend.Create(options.ModelName);
                if (options.ScriptedDelay > TimeSpan.Zero) scripted = new PacedChatClient(scripted, options.ScriptedDelay);
                return (scripted, new ServedModel(options.ModelName, null, Scripted));
            case Local:
                var file = Path.GetFullPath(options.ModelFile ?? DefaultModelFile());
                if (!File.Exists(file))
                    throw new ModelHostStartupException($"model file not found: {file}. Install it with tools/model/install.sh (or pass --model-file PATH).");
                return (CreateLocal(file), new ServedModel(options.ModelName, file, Local));
            default:
                throw new ModelHostStartupException($"unknown backend '{options.Backend}'.");
        }
    }

    private static IChatClient CreateLocal(string modelFile) =>
        throw new ModelHostStartupException($"the local backend is not built into this host yet (model file {modelFile}); use --backend scripted.");

    /// <summary>The project's installed model: <see cref="DefaultModelRelativePath"/> under the repository holding this host.</summary>
    public static string DefaultModelFile()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Kaizen.sln")))
                    return Path.Combine(dir.FullName, DefaultModelRelativePath);
        return Path.GetFullPath(DefaultModelRelativePath);
    }
}

/// <summary>The host cannot start; the message is one line saying why and what to do.</summary>
public sealed class ModelHostStartupException(string message) : Exception(message);
