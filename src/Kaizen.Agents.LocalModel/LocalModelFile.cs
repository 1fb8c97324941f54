using Kaizen.Agents.Llm;

namespace Kaizen.Agents.LocalModel;

/// <summary>
/// Where the local model file lives and whether it is usable. Checked in managed code before any native call, so a
/// missing or broken file gives a clear error instead of a native crash.
/// </summary>
public static class LocalModelFile
{
    /// <summary>File name of the default model (TinyLlama 1.1B Chat v1.0, IQ2_XXS quantisation).</summary>
    public const string FileName = "tinyllama-1.1b-chat-v1.0.IQ2_XXS.gguf";

    /// <summary>Environment variable that points at a model file elsewhere.</summary>
    public const string EnvironmentVariable = "KAIZEN_LOCAL_MODEL";

    /// <summary>The install command, relative to the repository root.</summary>
    public const string InstallCommand = "tools/model/install.sh";

    /// <summary>Exact size of the default model file in bytes.</summary>
    public const long ExpectedSize = 322_591_712;

    /// <summary>sha256 of the default model file (checked by <see cref="InstallCommand"/>).</summary>
    public const string ExpectedSha256 = "9ee11adf737960ff06123d5c4fba24d12c5b05ba460a7afa88950fbf2b61add0";

    /// <summary>Smallest file accepted as a model at all (any real GGUF model is far larger).</summary>
    public const long MinimumSize = 1024 * 1024;

    /// <summary>
    /// The model path: <c>KAIZEN_LOCAL_MODEL</c> when set; else the first <c>tools/model/&lt;FileName&gt;</c> found
    /// walking up from the current directory, then from <see cref="AppContext.BaseDirectory"/>; else that path under the
    /// current directory (which <see cref="Validate"/> then reports as missing). When the file found has a current
    /// <see cref="LocalModelCpuCopy"/>, the copy's path is returned instead, unless <c>KAIZEN_LOCAL_MODEL_CPU_COPY=0</c>.
    /// </summary>
    public static string DefaultPath => PreferCpuCopy(InstalledPath, Environment.GetEnvironmentVariable(LocalModelCpuCopy.EnvironmentVariable));

    internal static string PreferCpuCopy(string source, string? cpuCopySetting) =>
        cpuCopySetting != "0" && LocalModelCpuCopy.IsCurrent(source) ? LocalModelCpuCopy.PathFor(source) : source;

    /// <summary>The model file as installed, before any <see cref="LocalModelCpuCopy"/> is preferred.</summary>
    public static string InstalledPath => Resolve(Environment.GetEnvironmentVariable(EnvironmentVariable), Directory.GetCurrentDirectory(), AppContext.BaseDirectory);

    /// <summary>
    /// The sha256 of the default model or of its <see cref="LocalModelCpuCopy"/> when <paramref name="path"/> has one of
    /// their names and exactly <paramref name="size"/> bytes; null for any other file (hash it to know).
    /// </summary>
    public static string? KnownSha256(string path, long size)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (name == FileName && size == ExpectedSize) return ExpectedSha256;
        if (name == Path.GetFileName(LocalModelCpuCopy.PathFor(FileName)) && size == LocalModelCpuCopy.DefaultCopySize) return LocalModelCpuCopy.DefaultCopySha256;
        return null;
    }

    internal static string Resolve(string? configured, params string[] startFolders)
    {
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        foreach (var start in startFolders)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "tools", "model", FileName);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "tools", "model", FileName);
    }

    /// <summary>
    /// Checks that <paramref name="path"/> exists, is at least <see cref="MinimumSize"/> bytes and starts with the GGUF
    /// magic; when it has the default model's name it must also have its exact size.
    /// </summary>
    /// <exception cref="LlmProviderException">The file is unusable; the message names it and <see cref="InstallCommand"/>.</exception>
    public static void Validate(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        var info = new FileInfo(full);
        if (!info.Exists) throw Problem(full, "is missing");
        // A symbolic link's own length is the length of its target path: check the file it points to.
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? info;
            if (!info.Exists) throw Problem(full, "is a link to a file that does not exist");
        }
        if (info.Length < MinimumSize) throw Problem(full, $"is too small to be a model ({info.Length:N0} bytes)");
        if (string.Equals(info.Name, FileName, StringComparison.Ordinal) && info.Length != ExpectedSize)
            throw Problem(full, $"has {info.Length:N0} bytes instead of {ExpectedSize:N0} (incomplete or corrupt)");
        Span<byte> magic = stackalloc byte[4];
        using (var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read))
        {
            if (stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) < 4 || magic[0] != (byte)'G' || magic[1] != (byte)'G' || magic[2] != (byte)'U' || magic[3] != (byte)'F')
                throw Problem(full, "is not a GGUF model file (its first bytes are not 'GGUF')");
        }
    }

    private static LlmProviderException Problem(string path, string what) =>
        new($"The local model file {path} {what}. Install it with {InstallCommand} (from the repository root), " +
            $"or set {EnvironmentVariable} to a valid GGUF file.", LocalModelProvider.Name, isTransient: false);
}
