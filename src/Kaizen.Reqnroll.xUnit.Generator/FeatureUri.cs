using System;
using System.IO;
using System.Linq;

namespace Kaizen.Reqnroll.xUnit.Generator
{
    /// <summary>
    /// The uri a feature is reported under: its path relative to the project folder with forward slashes, leading
    /// <c>../</c> segments dropped (so <c>../../features/memory/x.feature</c> becomes <c>features/memory/x.feature</c>).
    /// </summary>
    internal static class FeatureUri
    {
        public static string FromPath(string path, string projectDir)
        {
            var full = path.Replace('\\', '/');
            var relative = full;
            if (projectDir.Length > 0)
            {
                try
                {
                    var from = new Uri(AppendSlash(Path.GetFullPath(projectDir)));
                    relative = Uri.UnescapeDataString(from.MakeRelativeUri(new Uri(Path.GetFullPath(path))).ToString());
                }
                catch (UriFormatException)
                {
                    relative = Path.GetFileName(path);
                }
            }
            var segments = relative.Replace('\\', '/').Split('/').SkipWhile(s => s == ".." || s == ".").ToArray();
            return segments.Length == 0 ? Path.GetFileName(path) : string.Join("/", segments);
        }

        private static string AppendSlash(string dir) =>
            dir.EndsWith("/", StringComparison.Ordinal) || dir.EndsWith("\\", StringComparison.Ordinal) ? dir : dir + Path.DirectorySeparatorChar;
    }
}
