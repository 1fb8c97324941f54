namespace Kaizen.LivingDoc.Tests.Support;

/// <summary>The browser tests use Debian's chromium, never a downloaded browser; CI installs it (test.sh, .ci/run).</summary>
internal static class ChromiumRequirement
{
    public const string Path = "/usr/bin/chromium";

    public static void EnsureInstalled()
    {
        if (!File.Exists(Path))
            throw new InvalidOperationException($"{Path} is missing: install Debian's chromium ('apt-get install -y chromium'); the tests never download a browser");
    }
}
