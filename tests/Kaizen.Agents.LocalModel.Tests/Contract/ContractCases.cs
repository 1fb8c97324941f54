using System.Text.Json;

namespace Kaizen.Agents.LocalModel.Tests.Contract;

/// <summary>Schemas and prompts of the JSON-reply contract: 5 schemas × 10 prompts, every string bounded.</summary>
public static class ContractCases
{
    public static readonly IReadOnlyDictionary<string, string> Schemas = new Dictionary<string, string>
    {
        // The agent's reply protocol: keep working, or done with outputs.
        ["agent"] = """
            {"anyOf":[
              {"type":"object","properties":{"done":{"const":false},"thought":{"type":"string","maxLength":60}},"required":["done","thought"]},
              {"type":"object","properties":{"done":{"const":true},"outputs":{"type":"object","properties":{"result":{"type":"string","maxLength":60}},"required":["result"]}},"required":["done","outputs"]}]}
            """,
        ["rating"] = """
            {"type":"object","properties":{"score":{"type":"integer"},"positive":{"type":"boolean"},"label":{"type":"string","enum":["good","bad","neutral"]}},"required":["score","positive","label"]}
            """,
        ["list"] = """
            {"type":"object","properties":{"items":{"type":"array","items":{"type":"string","maxLength":20},"maxItems":3}},"required":["items"]}
            """,
        ["nested"] = """
            {"type":"object","properties":{"person":{"type":"object","properties":{"name":{"type":"string","maxLength":30},"age":{"type":"integer"}},"required":["name","age"]},"city":{"type":"string","maxLength":30}},"required":["person","city"]}
            """,
        ["measure"] = """
            {"type":"object","properties":{"value":{"type":"number"},"unit":{"type":"string","maxLength":10},"note":{"type":"string","maxLength":30}},"required":["value","unit"]}
            """,
    };

    private static readonly Dictionary<string, string[]> Prompts = new()
    {
        ["agent"] =
        [
            "Task: say hello to the user.", "Task: add 2 and 3.", "Task: name the capital of France.", "Task: summarise the word 'rain'.",
            "Task: count to three.", "Task: pick a colour.", "Task: greet Bob in Spanish.", "Task: describe a cat in three words.",
            "Task: tell whether 7 is odd.", "Task: suggest a name for a dog.",
        ],
        ["rating"] =
        [
            "Rate the review: 'Great phone, love it.'", "Rate the review: 'Broke after a day.'", "Rate the review: 'It is fine.'",
            "Rate: 'Best pizza in town!'", "Rate: 'The hotel was dirty and loud.'", "Rate: 'Average service, nothing special.'",
            "Rate: 'I would buy it again.'", "Rate: 'Never again.'", "Rate: 'Fast delivery, good price.'", "Rate: 'Meh.'",
        ],
        ["list"] =
        [
            "List three fruits.", "List two planets.", "List three animals.", "List some colours.", "List three countries in Europe.",
            "List two programming languages.", "List three vegetables.", "List tools for a carpenter.", "List three sports.", "List two rivers.",
        ],
        ["nested"] =
        [
            "Alice is 30 and lives in Paris.", "Bob, 45, from Berlin.", "Carla lives in Rome; she is 27.", "Dan (52) lives in Oslo.",
            "Eve is 19 years old and lives in Madrid.", "Frank is a 60 year old man from Lisbon.", "Gina, 33, Vienna.",
            "Hugo lives in Prague and is 41.", "Ivy is 25, she lives in Dublin.", "Jack from London is 38.",
        ],
        ["measure"] =
        [
            "How long is a marathon?", "How heavy is a litre of water?", "How tall is Mount Everest?", "Boiling point of water?",
            "How far is the Moon?", "Speed of light?", "Body temperature of a human?", "Length of a football pitch?",
            "Weight of an apple?", "Height of a door?",
        ],
    };

    /// <summary>Rows "schema-nn" (string ids keep one test per row).</summary>
    public static TheoryData<string> JsonCaseIds
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var (schema, prompts) in Prompts)
                for (var i = 0; i < prompts.Length; i++) data.Add($"{schema}-{i + 1:00}");
            return data;
        }
    }

    public static (JsonElement Schema, string Prompt) JsonCase(string id)
    {
        var dash = id.LastIndexOf('-');
        var schema = id[..dash];
        var index = int.Parse(id[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture) - 1;
        return (JsonDocument.Parse(Schemas[schema]).RootElement.Clone(), Prompts[schema][index]);
    }
}
