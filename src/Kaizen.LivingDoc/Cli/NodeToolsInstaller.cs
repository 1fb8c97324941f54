using System.ComponentModel;
using System.Diagnostics;

namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Installs the Node packages some scenarios start (the reference MCP servers) into <c>tools/node</c> when they are
/// missing, so that running the specs on a fresh clone needs nothing but the .NET SDK, Node.js and npm.
/// </summary>
internal sealed class NodeToolsInstaller(TextWriter output, TextWriter error)
{
    public const string Folder = "tools/node";

    /// <summary>Runs <c>npm ci</c> once per clone; failures are warnings (the scenarios that need the packages say what is missing).</summary>
    public async Task EnsureInstalledAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repoRoot, Folder);
        if (!File.Exists(Path.Combine(folder, "package-lock.json")) || Directory.Exists(Path.Combine(folder, "node_modules"))) return;

        await output.WriteLineAsync($"livingdoc: installing the Node packages the specs use: npm ci --prefix {Folder} (once per clone)");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = repoRoot, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--prefix", Folder, "--no-audit", "--no-fund" }) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception("npm did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
                await error.WriteLineAsync($"warning: npm ci --prefix {Folder} exited with {process.ExitCode}; scenarios that start MCP servers will fail:{Environment.NewLine}{await stderr}{await stdout}");
        }
        catch (Win32Exception ex)
        {
            await error.WriteLineAsync($"warning: npm is not available ({ex.Message}); install Node.js and npm, then run `npm ci --prefix {Folder}` for the scenarios that start MCP servers");
        }
    }
}
