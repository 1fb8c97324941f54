using System.Globalization;
using LiteDB;
using Reqnroll;

namespace Kaizen.Specs.Memory;

/// <summary>
/// A memory file of an earlier version: its session rows do not record the embedder of their vectors (fields
/// <c>ee</c> and <c>ed</c>), only each turn does. The step removes those fields with LiteDB itself.
/// </summary>
[Binding]
public sealed class LegacyMemoryFileSteps(MemoryWorld world)
{
    private static readonly string[] EmbedderFields = ["ee", "ed"];

    [When("the memory file is rewritten as a version from before sessions recorded their embedder")]
    public async Task RewriteAsLegacy()
    {
        await world.CloseAllAsync();
        var connection = new ConnectionString
        {
            Filename = world.DatabasePath,
            Collation = new Collation(CultureInfo.InvariantCulture.LCID, CompareOptions.Ordinal), // the store's own
        };
        using var database = new LiteDatabase(connection);
        var sessions = database.GetCollection("sessions");
        var rows = sessions.FindAll().ToList();
        rows.Should().NotBeEmpty("the scenario stored turns first");
        foreach (var row in rows)
        {
            row.Keys.Should().Contain(EmbedderFields, "the current format records each session's embedder");
            foreach (var field in EmbedderFields) row.Remove(field);
            sessions.Update(row);
        }
    }
}
