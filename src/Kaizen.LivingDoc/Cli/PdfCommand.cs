using System.CommandLine;

namespace Kaizen.LivingDoc.Cli;

/// <summary><c>pdf</c>: the page (or a filter of it) as a printable PDF, one feature per page, with status and review marks.</summary>
internal sealed class PdfCommand(TextWriter output, TextWriter error, string currentFolder)
{
    public Command Build()
    {
        var page = new Option<string?>("--page") { Description = $"The living doc page to print (default: {LivingDocCommands.DefaultOutput} of the repository)" };
        var outFile = new Option<string?>("--out") { Description = "PDF file to write (default: the page's path with .pdf)" };
        var filter = new Option<string?>("--filter") { Description = "Tag expression: print only matching scenarios, e.g. \"@core and @memory\"" };
        var needsReview = new Option<bool>("--needs-review") { Description = "Print only scenarios that need review (changed or new) and gone sign-offs" };
        var chromium = new Option<string?>("--chromium") { Description = $"Chromium executable (default: ${ChromiumLocator.Variable}, else chromium on PATH)" };
        var command = new Command("pdf", "Write a PDF of the page through headless Chromium") { page, outFile, filter, needsReview, chromium };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var pageFile = parse.GetValue(page) ?? Path.Combine(RepoLocator.FindOrThrow(currentFolder), LivingDocCommands.DefaultOutput);
                if (!File.Exists(pageFile))
                    throw new LivingDocInputException($"page not found: {Path.GetFullPath(pageFile)} (render it first: dotnet run --project src/Kaizen.LivingDoc -- render)");
                var browser = ChromiumLocator.Find(parse.GetValue(chromium)) ?? throw new LivingDocInputException(ChromiumLocator.MissingMessage(parse.GetValue(chromium)));
                var pdf = Path.GetFullPath(parse.GetValue(outFile) ?? Path.ChangeExtension(pageFile, ".pdf"));
                await new ChromiumPdfPrinter(browser, output).PrintAsync(PrintUrl(pageFile, parse.GetValue(filter), parse.GetValue(needsReview)), pdf, ct);
                await output.WriteLineAsync(pdf);
                return ExitCodes.Ok;
            }
            catch (LivingDocInputException ex)
            {
                await error.WriteLineAsync("error: " + ex.Message);
                return ExitCodes.Unusable;
            }
        });
        return command;
    }

    /// <summary>The page's file URL with the view state its script reads from the hash (see 04-state.js).</summary>
    public static string PrintUrl(string pageFile, string? tagExpression, bool needsReview)
    {
        var hash = new List<string> { "print=1" };
        if (tagExpression is { Length: > 0 }) hash.Add("tags=" + Uri.EscapeDataString(tagExpression));
        if (needsReview) hash.Add("review=needs");
        return new Uri(Path.GetFullPath(pageFile)).AbsoluteUri + "#" + string.Join("&", hash);
    }
}
