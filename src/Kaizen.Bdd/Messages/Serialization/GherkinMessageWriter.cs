using System.Text.Json;
using Io.Cucumber.Messages.Types;

namespace Kaizen.Bdd.Messages.Serialization;

/// <summary>
/// Hand-written JSON for the messages of a parsed feature (source, gherkinDocument, pickle): written once per feature
/// file, but they are the first and largest object graphs a test process serializes, so through System.Text.Json's
/// reflection path they paid its whole start-up (metadata for some thirty types). Byte for byte what
/// <see cref="NdjsonSerializer.Options"/> writes: properties in declaration order, nulls omitted, enums by wire name.
/// </summary>
internal static class GherkinMessageWriter
{
    /// <summary>Writes the envelope's message when it is one of the three; false leaves the writer untouched.</summary>
    public static bool TryWrite(Utf8JsonWriter writer, Envelope envelope)
    {
        if (envelope.Source is { } source && FrequentMessageWriter.OnlyMember(envelope, source))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("source");
            Text(writer, "uri", source.Uri);
            Text(writer, "data", source.Data);
            writer.WriteString("mediaType", MessageEnumNames<SourceMediaType>.Wire(source.MediaType));
        }
        else if (envelope.GherkinDocument is { } document && FrequentMessageWriter.OnlyMember(envelope, document))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("gherkinDocument");
            Text(writer, "uri", document.Uri);
            if (document.Feature is { } feature) Feature(writer, feature);
            Array(writer, "comments", document.Comments, Comment);
        }
        else if (envelope.Pickle is { } pickle && FrequentMessageWriter.OnlyMember(envelope, pickle))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("pickle");
            Pickle(writer, pickle);
        }
        else return false;
        writer.WriteEndObject();
        writer.WriteEndObject();
        return true;
    }

    private static void Feature(Utf8JsonWriter writer, Feature feature)
    {
        writer.WriteStartObject("feature");
        Location(writer, feature.Location);
        Array(writer, "tags", feature.Tags, Tag);
        Text(writer, "language", feature.Language);
        Text(writer, "keyword", feature.Keyword);
        Text(writer, "name", feature.Name);
        Text(writer, "description", feature.Description);
        Array(writer, "children", feature.Children, (w, child) =>
        {
            w.WriteStartObject();
            if (child.Rule is { } rule) Rule(w, rule);
            if (child.Background is { } background) Background(w, background);
            if (child.Scenario is { } scenario) Scenario(w, scenario);
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    }

    private static void Rule(Utf8JsonWriter writer, Rule rule)
    {
        writer.WriteStartObject("rule");
        Location(writer, rule.Location);
        Array(writer, "tags", rule.Tags, Tag);
        Text(writer, "keyword", rule.Keyword);
        Text(writer, "name", rule.Name);
        Text(writer, "description", rule.Description);
        Array(writer, "children", rule.Children, (w, child) =>
        {
            w.WriteStartObject();
            if (child.Background is { } background) Background(w, background);
            if (child.Scenario is { } scenario) Scenario(w, scenario);
            w.WriteEndObject();
        });
        Text(writer, "id", rule.Id);
        writer.WriteEndObject();
    }

    private static void Background(Utf8JsonWriter writer, Background background)
    {
        writer.WriteStartObject("background");
        Location(writer, background.Location);
        Text(writer, "keyword", background.Keyword);
        Text(writer, "name", background.Name);
        Text(writer, "description", background.Description);
        Array(writer, "steps", background.Steps, Step);
        Text(writer, "id", background.Id);
        writer.WriteEndObject();
    }

    private static void Scenario(Utf8JsonWriter writer, Scenario scenario)
    {
        writer.WriteStartObject("scenario");
        Location(writer, scenario.Location);
        Array(writer, "tags", scenario.Tags, Tag);
        Text(writer, "keyword", scenario.Keyword);
        Text(writer, "name", scenario.Name);
        Text(writer, "description", scenario.Description);
        Array(writer, "steps", scenario.Steps, Step);
        Array(writer, "examples", scenario.Examples, Examples);
        Text(writer, "id", scenario.Id);
        writer.WriteEndObject();
    }

    private static void Step(Utf8JsonWriter writer, Step step)
    {
        writer.WriteStartObject();
        Location(writer, step.Location);
        Text(writer, "keyword", step.Keyword);
        writer.WriteString("keywordType", MessageEnumNames<StepKeywordType>.Wire(step.KeywordType));
        Text(writer, "text", step.Text);
        if (step.DocString is { } docString)
        {
            writer.WriteStartObject("docString");
            Location(writer, docString.Location);
            Text(writer, "mediaType", docString.MediaType);
            Text(writer, "content", docString.Content);
            Text(writer, "delimiter", docString.Delimiter);
            writer.WriteEndObject();
        }
        if (step.DataTable is { } table)
        {
            writer.WriteStartObject("dataTable");
            Location(writer, table.Location);
            Array(writer, "rows", table.Rows, TableRow);
            writer.WriteEndObject();
        }
        Text(writer, "id", step.Id);
        writer.WriteEndObject();
    }

    private static void Examples(Utf8JsonWriter writer, Examples examples)
    {
        writer.WriteStartObject();
        Location(writer, examples.Location);
        Array(writer, "tags", examples.Tags, Tag);
        Text(writer, "keyword", examples.Keyword);
        Text(writer, "name", examples.Name);
        Text(writer, "description", examples.Description);
        if (examples.TableHeader is { } header)
        {
            writer.WritePropertyName("tableHeader");
            TableRow(writer, header);
        }
        Array(writer, "tableBody", examples.TableBody, TableRow);
        Text(writer, "id", examples.Id);
        writer.WriteEndObject();
    }

    private static void TableRow(Utf8JsonWriter writer, TableRow row)
    {
        writer.WriteStartObject();
        Location(writer, row.Location);
        Array(writer, "cells", row.Cells, (w, cell) =>
        {
            w.WriteStartObject();
            Location(w, cell.Location);
            Text(w, "value", cell.Value);
            w.WriteEndObject();
        });
        Text(writer, "id", row.Id);
        writer.WriteEndObject();
    }

    private static void Tag(Utf8JsonWriter writer, Tag tag)
    {
        writer.WriteStartObject();
        Location(writer, tag.Location);
        Text(writer, "name", tag.Name);
        Text(writer, "id", tag.Id);
        writer.WriteEndObject();
    }

    private static void Comment(Utf8JsonWriter writer, Comment comment)
    {
        writer.WriteStartObject();
        Location(writer, comment.Location);
        Text(writer, "text", comment.Text);
        writer.WriteEndObject();
    }

    private static void Pickle(Utf8JsonWriter writer, Pickle pickle)
    {
        Text(writer, "id", pickle.Id);
        Text(writer, "uri", pickle.Uri);
        Location(writer, pickle.Location);
        Text(writer, "name", pickle.Name);
        Text(writer, "language", pickle.Language);
        Array(writer, "steps", pickle.Steps, PickleStep);
        Array(writer, "tags", pickle.Tags, (w, tag) =>
        {
            w.WriteStartObject();
            Text(w, "name", tag.Name);
            Text(w, "astNodeId", tag.AstNodeId);
            w.WriteEndObject();
        });
        Array(writer, "astNodeIds", pickle.AstNodeIds, (w, id) => w.WriteStringValue(id));
    }

    private static void PickleStep(Utf8JsonWriter writer, PickleStep step)
    {
        writer.WriteStartObject();
        if (step.Argument is { } argument)
        {
            writer.WriteStartObject("argument");
            if (argument.DocString is { } docString)
            {
                writer.WriteStartObject("docString");
                if (docString.ArgumentIndex is { } index) writer.WriteNumber("argumentIndex", index);
                Text(writer, "mediaType", docString.MediaType);
                Text(writer, "content", docString.Content);
                writer.WriteEndObject();
            }
            if (argument.DataTable is { } table)
            {
                writer.WriteStartObject("dataTable");
                if (table.ArgumentIndex is { } index) writer.WriteNumber("argumentIndex", index);
                Array(writer, "rows", table.Rows, (w, row) =>
                {
                    w.WriteStartObject();
                    Array(w, "cells", row.Cells, (w2, cell) =>
                    {
                        w2.WriteStartObject();
                        Text(w2, "value", cell.Value);
                        w2.WriteEndObject();
                    });
                    w.WriteEndObject();
                });
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        }
        Array(writer, "astNodeIds", step.AstNodeIds, (w, id) => w.WriteStringValue(id));
        Text(writer, "id", step.Id);
        writer.WriteString("type", MessageEnumNames<PickleStepType>.Wire(step.Type));
        Text(writer, "text", step.Text);
        writer.WriteEndObject();
    }

    private static void Location(Utf8JsonWriter writer, Location location)
    {
        if (location is null) return;
        writer.WriteStartObject("location");
        writer.WriteNumber("line", location.Line);
        if (location.Column is { } column) writer.WriteNumber("column", column);
        writer.WriteEndObject();
    }

    /// <summary>A list property: omitted when null, null items written as null (as System.Text.Json does).</summary>
    private static void Array<T>(Utf8JsonWriter writer, string name, List<T>? items, Action<Utf8JsonWriter, T> write)
    {
        if (items is null) return;
        writer.WriteStartArray(name);
        foreach (var item in items)
            if (item is null) writer.WriteNullValue();
            else write(writer, item);
        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null) writer.WriteString(name, value);
    }
}
