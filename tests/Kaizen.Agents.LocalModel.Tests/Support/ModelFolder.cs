namespace Kaizen.Agents.LocalModel.Tests.Support;

/// <summary>A temporary folder for model-file tests, deleted on dispose.</summary>
public sealed class ModelFolder : IDisposable
{
    /// <summary>The folder's absolute path.</summary>
    public string Path { get; } = Directory.CreateTempSubdirectory("kaizen-localmodel-").FullName;

    /// <summary>Writes <paramref name="content"/> to <paramref name="relative"/> (folders created) and returns its path.</summary>
    public string Write(string relative, byte[] content)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return path;
    }

    /// <summary>A 2 MB file that starts with the GGUF magic: passes every check made before a native call.</summary>
    public string FakeModel(string relative)
    {
        var content = new byte[2 * 1024 * 1024];
        "GGUF"u8.CopyTo(content);
        return Write(relative, content);
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
