using System.Collections.Specialized;
using Reqnroll;

namespace Kaizen.Reqnroll.xUnit;

/// <summary>
/// One Examples row of a scenario outline: its cells by header, its block's tags, and the filling of <c>&lt;header&gt;</c>
/// placeholders in step texts, DocStrings and table cells (header by header, as Gherkin's pickle compiler does).
/// </summary>
public sealed class ExampleRow
{
    private readonly string[] _headers;
    private readonly string[] _values;

    /// <summary>A row with <paramref name="values"/> under <paramref name="headers"/>, in an Examples block tagged <paramref name="tags"/>.</summary>
    public ExampleRow(string[] headers, string[] values, string[] tags)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(tags);
        _headers = headers;
        _values = values;
        Tags = tags;
    }

    /// <summary>The tags of the row's Examples block, with <c>@</c>.</summary>
    public string[] Tags { get; }

    /// <summary>The row's cells by header, as <see cref="ScenarioInfo.Arguments"/> expects them.</summary>
    public OrderedDictionary Arguments
    {
        get
        {
            var arguments = new OrderedDictionary();
            for (var i = 0; i < _headers.Length && i < _values.Length; i++)
                if (!arguments.Contains(_headers[i])) arguments.Add(_headers[i], _values[i]);
            return arguments;
        }
    }

    /// <summary>The template with every <c>&lt;header&gt;</c> replaced by the row's value.</summary>
    public string Fill(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        var text = template;
        for (var i = 0; i < _headers.Length && i < _values.Length; i++)
            text = text.Replace("<" + _headers[i] + ">", _values[i], StringComparison.Ordinal);
        return text;
    }

    /// <summary>A step table (header row first) with the placeholders of every cell filled.</summary>
    public DataTable Table(params string[][] rows) => StepTables.Create(rows.Select(r => r.Select(Fill).ToArray()).ToArray());
}
