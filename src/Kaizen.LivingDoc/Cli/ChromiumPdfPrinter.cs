using System.ComponentModel;
using System.Diagnostics;

namespace Kaizen.LivingDoc.Cli;

/// <summary>
/// Prints a page to PDF with Chromium's own headless printer (<c>--print-to-pdf</c>): no browser download, no driver.
/// The page's print stylesheet applies; its <c>print=1</c> hash expands every scenario before printing.
/// </summary>
internal sealed class ChromiumPdfPrinter(string chromium, TextWriter output)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    public async Task PrintAsync(string pageUrl, string pdfFile, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(pdfFile))!, $".{Path.GetFileName(pdfFile)}.{Guid.NewGuid():N}.tmp");
        var start = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // --no-sandbox: Chromium refuses to start as root (CI, containers) otherwise; it only opens our own local file.
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
                     "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=10000",
                     $"--user-data-dir={Path.Combine(Path.GetTempPath(), "kaizen-livingdoc-chromium-" + Guid.NewGuid().ToString("N"))}",
                     $"--print-to-pdf={temporary}", pageUrl,
                 })
            start.ArgumentList.Add(arg);
        await output.WriteLineAsync($"livingdoc: printing with {chromium} (headless) …");
        var watch = Stopwatch.StartNew();
        try
        {
            using var process = Process.Start(start) ?? throw new Win32Exception($"{chromium} did not start");
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new LivingDocInputException($"{chromium} did not finish printing within {Timeout.TotalMinutes:F0} minutes");
            }
            if (!IsPdf(temporary))
                throw new LivingDocInputException($"{chromium} exited with {process.ExitCode} without writing a PDF: {LastLines(await stderr + await stdout)}");
            File.Move(temporary, pdfFile, overwrite: true);
            await output.WriteLineAsync($"livingdoc: PDF written in {watch.Elapsed.TotalSeconds:F1} s ({new FileInfo(pdfFile).Length / 1024} KB)");
        }
        catch (Win32Exception ex)
        {
            throw new LivingDocInputException($"could not start {chromium}: {ex.Message}");
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    private static bool IsPdf(string file)
    {
        if (!File.Exists(file) || new FileInfo(file).Length < 5) return false;
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(file);
        stream.ReadExactly(head);
        return head.SequenceEqual("%PDF-"u8);
    }

    private static string LastLines(string text) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(5)) is { Length: > 0 } s ? s : "(no output)";
}
