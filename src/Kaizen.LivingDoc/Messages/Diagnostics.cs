namespace Kaizen.LivingDoc.Messages;

/// <summary>How bad an input problem is: warnings render normally, errors still render what was readable.</summary>
internal enum Severity { Warning, Error }

/// <summary>One problem found in the inputs, naming the file (and line when known) so it can be fixed.</summary>
internal sealed record Diagnostic(Severity Severity, string File, int? Line, string Message)
{
    public override string ToString() =>
        $"{(Severity == Severity.Error ? "error" : "warning")}: {File}{(Line is { } l ? ":" + l : "")}: {Message}";
}

/// <summary>Collects diagnostics while loading inputs.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Warn(string file, int? line, string message) => _items.Add(new(Severity.Warning, file, line, message));
    public void Error(string file, int? line, string message) => _items.Add(new(Severity.Error, file, line, message));

    public void AddRange(DiagnosticBag other) => _items.AddRange(other._items);
}
