using Kaizen.Agents.Llm;
using Kaizen.Agents.LocalModel;
using Microsoft.Extensions.AI;

namespace Kaizen.ModelHost.Backends;

/// <summary>Builds the chat client the host serves, from the command line.</summary>
public static class BackendFactory
{
    /// <summary>The real model on the CPU.</summary>
    public const string Local = "local";

    /// <summary>A deterministic stand-in (<see cref="ScriptedBackend"/>): no model file, instant replies.</summary>
    public const string Scripted = "scripted";

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
                    throw new ModelHostStartupException($"model file not found: {file}. Install it with {LocalModelFile.InstallCommand} (or pass --model-file PATH).");
                return (CreateLocal(file, options.ModelName), new ServedModel(options.ModelName, file, Local));
            default:
                throw new ModelHostStartupException($"unknown backend '{options.Backend}'.");
        }
    }

    // The weights are loaded here, at start-up, so a broken file stops the host before it reports an address.
    private static IChatClient CreateLocal(string modelFile, string modelName)
    {
        try
        {
            LocalModelFile.Validate(modelFile);
            return new LocalChatClient(new LocalModelOptions { ModelPath = modelFile, ModelId = modelName });
        }
        catch (LlmProviderException ex)
        {
            throw new ModelHostStartupException(ex.Message);
        }
    }

    /// <summary>
    /// The project's installed model: <see cref="LocalModelFile.DefaultPath"/> (<c>KAIZEN_LOCAL_MODEL</c>, else
    /// <c>tools/model/…gguf</c> above the current folder or the host's folder).
    /// </summary>
    public static string DefaultModelFile() => LocalModelFile.DefaultPath;
}

/// <summary>The host cannot start; the message is one line saying why and what to do.</summary>
public sealed class ModelHostStartupException(string message) : Exception(message);
