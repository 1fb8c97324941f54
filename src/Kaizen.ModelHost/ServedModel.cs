using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Kaizen.Agents.LocalModel;
using Kaizen.ModelHost.Wire;

namespace Kaizen.ModelHost;

/// <summary>
/// The one model this host serves: its name (Ollama style, <c>name[:tag]</c>), the file behind it (if any) and the
/// facts clients read from <c>/api/tags</c> and <c>/api/show</c>.
/// </summary>
public sealed partial class ServedModel
{

    /// <summary>Describes the served model.</summary>
    /// <param name="name">The name clients ask for; a name without a tag also answers to <c>name:latest</c>.</param>
    /// <param name="modelFile">The GGUF file, or null for a backend without one (scripted).</param>
    /// <param name="backend">The backend's name (<c>local</c>, <c>scripted</c>), shown in <c>/api/show</c>.</param>
    public ServedModel(string name, string? modelFile, string backend)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        FullName = Normalize(Name);
        ModelFile = modelFile;
        Backend = backend;
        var file = modelFile is null ? null : new FileInfo(modelFile);
        Size = file is { Exists: true } ? file.Length : 0;
        ModifiedAt = file is { Exists: true } ? file.LastWriteTimeUtc : new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Digest = ComputeDigest();
    }

    /// <summary>The name as configured (e.g. <c>tinyllama</c>).</summary>
    public string Name { get; }

    /// <summary>The name with its tag (e.g. <c>tinyllama:latest</c>), as <c>/api/tags</c> lists it.</summary>
    public string FullName { get; }

    /// <summary>The model file, if any.</summary>
    public string? ModelFile { get; }

    /// <summary>The backend serving the model.</summary>
    public string Backend { get; }

    /// <summary>Size of the model file in bytes (0 without one).</summary>
    public long Size { get; }

    /// <summary>Last write time of the model file.</summary>
    public DateTime ModifiedAt { get; }

    /// <summary>
    /// sha256 of the model file (hex), or of the name when there is no file. Computed when the host starts (a few
    /// seconds for a large file), except for the project's installed model, whose sha256 the installer checked.
    /// </summary>
    public string Digest { get; }

    /// <summary>True when <paramref name="requested"/> names this model (<c>tinyllama</c>, <c>tinyllama:latest</c>, any case).</summary>
    public bool Matches(string? requested) =>
        !string.IsNullOrWhiteSpace(requested) && string.Equals(Normalize(requested.Trim()), FullName, StringComparison.OrdinalIgnoreCase);

    internal string ModifiedAtText => ModifiedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal OllamaModelDetails Details
    {
        get
        {
            var fileName = ModelFile is null ? "" : Path.GetFileName(ModelFile);
            var quantization = QuantizationPattern().Match(fileName);
            var parameters = ParameterSizePattern().Match(fileName);
            return new OllamaModelDetails
            {
                Format = ModelFile is null ? Backend : "gguf",
                Family = ModelFile is null ? Backend : "llama",
                Families = [ModelFile is null ? Backend : "llama"],
                ParameterSize = parameters.Success ? parameters.Groups[1].Value.ToUpperInvariant() : "unknown",
                QuantizationLevel = quantization.Success ? quantization.Groups[1].Value.ToUpperInvariant() : "unknown",
            };
        }
    }

    internal OllamaModelEntry Entry(bool running = false) => new()
    {
        Name = FullName,
        Model = FullName,
        ModifiedAt = ModifiedAtText,
        Size = Size,
        Digest = Digest,
        Details = Details,
        ExpiresAt = running ? "2318-01-01T00:00:00Z" : null, // loaded for the host's lifetime
        SizeVram = running ? 0 : null,
    };

    private static string Normalize(string name) => name.Contains(':', StringComparison.Ordinal) ? name : name + ":latest";

    private string ComputeDigest()
    {
        if (ModelFile is not null && LocalModelFile.KnownSha256(ModelFile, Size) is { } known) return known;
        if (ModelFile is not null && File.Exists(ModelFile))
        {
            using var stream = File.OpenRead(ModelFile);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Backend + "/" + FullName)));
    }

    [GeneratedRegex(@"\.((?:I?Q\d_[A-Z0-9_]+)|F16|F32|BF16)\.gguf$", RegexOptions.IgnoreCase)]
    private static partial Regex QuantizationPattern();

    [GeneratedRegex(@"(?:^|[-_.])(\d+(?:\.\d+)?[bm])(?:[-_.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex ParameterSizePattern();
}
