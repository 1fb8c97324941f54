using System.ComponentModel;
using System.Text;
using Microsoft.Extensions.AI;

namespace Kaizen.Agents.Tools.BuiltIn;

/// <summary>The file tools, all confined to a <see cref="Workspace"/>.</summary>
public sealed class FileTools(Workspace workspace, int maxReadBytes = 1_000_000)
{
    private readonly Workspace _workspace = workspace ?? throw new ArgumentNullException(nameof(workspace));

    /// <summary><c>read_file</c> (Safe).</summary>
    public AIFunction ReadFile() => AIFunctionFactory.Create(
        async ([Description("Path relative to the workspace root")] string path, CancellationToken cancellationToken) =>
        {
            var full = _workspace.Resolve(path);
            if (!File.Exists(full)) throw new FileNotFoundException($"No file '{path}' in the workspace.");
            using var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            FileLinks.EnsureSingle(handle, path);
            var length = RandomAccess.GetLength(handle);
            if (length > maxReadBytes)
                throw new ToolRefusedException($"'{path}' has {length} bytes; read_file returns at most {maxReadBytes}.");
            var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
            await using var streamLifetime = stream.ConfigureAwait(false);
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            return await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        },
        "read_file", "Reads a UTF-8 text file from the workspace and returns its content.");

    /// <summary><c>file_exists</c> (Safe).</summary>
    public AIFunction FileExists() => AIFunctionFactory.Create(
        ([Description("Path relative to the workspace root")] string path) =>
        {
            var full = _workspace.Resolve(path);
            return File.Exists(full) || Directory.Exists(full);
        },
        "file_exists", "Tells whether a file or folder exists in the workspace.");

    /// <summary><c>list_directory</c> (Safe).</summary>
    public AIFunction ListDirectory() => AIFunctionFactory.Create(
        ([Description("Folder relative to the workspace root; '.' for the root")] string path = ".") =>
        {
            var full = _workspace.Resolve(path);
            if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"No folder '{path}' in the workspace.");
            var entries = new DirectoryInfo(full).EnumerateFileSystemInfos()
                .OrderBy(e => e.Name, StringComparer.Ordinal)
                .Select(e => e is DirectoryInfo ? e.Name + "/" : e.Name);
            return string.Join("\n", entries);
        },
        "list_directory", "Lists a workspace folder, one entry per line; folders end with '/'.");

    /// <summary><c>write_file</c> (Medium).</summary>
    public AIFunction WriteFile() => AIFunctionFactory.Create(
        async ([Description("Path relative to the workspace root")] string path,
               [Description("The text to write")] string content,
               [Description("Append instead of replacing")] bool append = false,
               CancellationToken cancellationToken = default) =>
        {
            var full = _workspace.Resolve(path);
            if (Directory.Exists(full)) throw new ToolRefusedException($"'{path}' is a folder.");
            var parent = Path.GetDirectoryName(full)!;
            _workspace.Resolve(_workspace.Relative(parent));
            Directory.CreateDirectory(parent);
            // Opened without truncating, checked, then truncated: a linked file is refused before any byte changes.
            using (var handle = File.OpenHandle(full, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read))
            {
                FileLinks.EnsureSingle(handle, path);
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
                var offset = append ? RandomAccess.GetLength(handle) : 0;
                if (!append) RandomAccess.SetLength(handle, 0);
                await RandomAccess.WriteAsync(handle, bytes, offset, cancellationToken).ConfigureAwait(false);
            }
            return $"wrote {Encoding.UTF8.GetByteCount(content)} bytes to {_workspace.Relative(full)}";
        },
        "write_file", "Writes (or appends) UTF-8 text to a file in the workspace, creating folders as needed.");

    /// <summary><c>delete_file</c> (High).</summary>
    public AIFunction DeleteFile() => AIFunctionFactory.Create(
        ([Description("Path relative to the workspace root")] string path) =>
        {
            var full = _workspace.Resolve(path);
            if (Directory.Exists(full)) throw new ToolRefusedException($"'{path}' is a folder; delete_file deletes files only.");
            if (!File.Exists(full)) throw new FileNotFoundException($"No file '{path}' in the workspace.");
            using (var handle = File.OpenHandle(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                FileLinks.EnsureSingle(handle, path);
            File.Delete(full);
            return $"deleted {_workspace.Relative(full)}";
        },
        "delete_file", "Deletes one file from the workspace.");
}
