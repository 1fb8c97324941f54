using System.Text;

namespace Kaizen.Specs.Workloads.CodeReview;

/// <summary>
/// Generates a plausible C# service code base (domain folders, services, repositories, controllers)
/// with defects planted at known lines. The same seed always gives the same files, byte for byte.
/// Clean code never contains any of the planted patterns, so a reviewer can be checked for both
/// misses and false alarms.
/// </summary>
public static class CodebaseGenerator
{
    private static readonly string[] Domains = ["Billing", "Inventory", "Shipping", "Customers", "Reporting", "Identity"];
    private static readonly string[] Roles = ["Service", "Repository", "Controller", "Validator", "Mapper"];
    private static readonly string[] Entities = ["Invoice", "Order", "Parcel", "Customer", "Report", "Account", "Payment", "Product", "Warehouse", "Refund"];

    /// <summary>Generates <paramref name="fileCount"/> files; about a third of them carry one or two defects.</summary>
    public static GeneratedCodebase Generate(int seed, int fileCount = 120)
    {
        if (fileCount < 1) throw new ArgumentOutOfRangeException(nameof(fileCount), fileCount, "A code base needs at least one file.");
        var random = new Random(seed);
        var files = new List<KeyValuePair<string, string>>(fileCount);
        var defects = new List<PlantedDefect>();
        var used = new HashSet<string>(StringComparer.Ordinal);

        for (var index = 0; index < fileCount; index++)
        {
            var domain = Domains[index % Domains.Length];
            string entity, role, path;
            var attempt = 0;
            do
            {
                entity = Entities[random.Next(Entities.Length)];
                role = Roles[random.Next(Roles.Length)];
                var suffix = attempt++ == 0 ? "" : attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
                path = $"src/{domain}/{entity}{role}{suffix}.cs";
            }
            while (!used.Add(path));

            var planted = PickDefects(random);
            var file = new FileWriter();
            WriteFile(file, random, domain, entity, role, path, planted, defects);
            files.Add(new(path, file.ToString()));
        }
        return new GeneratedCodebase(files, defects);
    }

    private static List<DefectKind> PickDefects(Random random)
    {
        var roll = random.NextDouble();
        var count = roll < 0.66 ? 0 : roll < 0.9 ? 1 : 2;
        var kinds = Enum.GetValues<DefectKind>();
        var picked = new List<DefectKind>();
        while (picked.Count < count)
        {
            var kind = kinds[random.Next(kinds.Length)];
            if (!picked.Contains(kind)) picked.Add(kind);
        }
        return picked;
    }

    private static void WriteFile(FileWriter file, Random random, string domain, string entity, string role, string path,
        List<DefectKind> planted, List<PlantedDefect> defects)
    {
        var type = path[(path.LastIndexOf('/') + 1)..^3];
        var lower = char.ToLowerInvariant(entity[0]) + entity[1..];
        file.Line("using System.Data;");
        file.Line("using Microsoft.Extensions.Logging;");
        file.Line();
        file.Line($"namespace Contoso.{domain};");
        file.Line();
        file.Line($"/// <summary>{role} for {lower} records of the {domain.ToLowerInvariant()} domain.</summary>");
        file.Line($"public sealed class {type}(IDbConnection connection, ILogger<{type}> logger)");
        file.Line("{");

        if (planted.Contains(DefectKind.HardcodedSecret))
        {
            defects.Add(new(path, file.NextLine, DefectKind.HardcodedSecret));
            file.Line($"    private const string ApiKey = \"sk-live-{random.Next(100000, 999999)}{random.Next(100000, 999999)}\";");
        }
        else
        {
            file.Line("    private readonly string _apiKeyVariable = \"CONTOSO_API_KEY\";");
        }
        file.Line();

        // The defect methods are placed among clean ones in a seeded order.
        var methods = new List<Action>
        {
            () => CleanLookup(file, entity, lower),
            () => CleanSave(file, entity, lower),
            () => CleanCount(file, entity),
        };
        foreach (var kind in planted.Where(k => k != DefectKind.HardcodedSecret))
            methods.Insert(random.Next(methods.Count + 1), () => DefectMethod(file, kind, entity, lower, path, defects));
        foreach (var write in methods)
        {
            write();
            file.Line();
        }
        file.Line("    private static Task Persist(object item, CancellationToken cancellationToken)");
        file.Line("    {");
        file.Line("        ArgumentNullException.ThrowIfNull(item);");
        file.Line("        return Task.CompletedTask;");
        file.Line("    }");
        file.Line("}");
    }

    private static void CleanLookup(FileWriter file, string entity, string lower)
    {
        file.Line($"    public async Task<{entity}?> Find{entity}Async(int id, CancellationToken cancellationToken)");
        file.Line("    {");
        file.Line("        using var command = connection.CreateCommand();");
        file.Line($"        command.CommandText = \"SELECT * FROM {lower}s WHERE id = @id\";");
        file.Line("        command.Parameters.Add(id);");
        file.Line("        await Task.Yield();");
        file.Line($"        return command.ExecuteScalar() as {entity};");
        file.Line("    }");
    }

    private static void CleanSave(FileWriter file, string entity, string lower)
    {
        file.Line($"    public async Task Save{entity}Async({entity} {lower}, CancellationToken cancellationToken)");
        file.Line("    {");
        file.Line("        try");
        file.Line("        {");
        file.Line($"            await Persist({lower}, cancellationToken);");
        file.Line("        }");
        file.Line("        catch (DataException exception)");
        file.Line("        {");
        file.Line($"            logger.LogError(exception, \"Could not save {lower} {{Id}}\", {lower}.Id);");
        file.Line("            throw;");
        file.Line("        }");
        file.Line("    }");
    }

    private static void CleanCount(FileWriter file, string entity)
    {
        file.Line($"    public int Count{entity}s(IEnumerable<{entity}> items) => items.Count();");
    }

    private static void DefectMethod(FileWriter file, DefectKind kind, string entity, string lower, string path, List<PlantedDefect> defects)
    {
        switch (kind)
        {
            case DefectKind.EmptyCatch:
                file.Line($"    public void Archive{entity}({entity} {lower})");
                file.Line("    {");
                file.Line("        try");
                file.Line("        {");
                file.Line($"            ArgumentNullException.ThrowIfNull({lower});");
                file.Line("        }");
                defects.Add(new(path, file.NextLine, kind));
                file.Line("        catch (Exception) { }");
                file.Line("    }");
                break;
            case DefectKind.AsyncVoid:
                defects.Add(new(path, file.NextLine, kind));
                file.Line($"    public async void Refresh{entity}Cache()");
                file.Line("    {");
                file.Line("        await Task.Delay(10);");
                file.Line("    }");
                break;
            case DefectKind.BlockingWait:
                file.Line($"    public {entity}? Load{entity}(int id)");
                file.Line("    {");
                defects.Add(new(path, file.NextLine, kind));
                file.Line($"        var found = Find{entity}Async(id, CancellationToken.None).Result;");
                file.Line("        return found;");
                file.Line("    }");
                break;
            case DefectKind.SqlConcatenation:
                file.Line($"    public void Delete{entity}(string id)");
                file.Line("    {");
                file.Line("        using var command = connection.CreateCommand();");
                defects.Add(new(path, file.NextLine, kind));
                file.Line($"        command.CommandText = \"DELETE FROM {lower}s WHERE id = '\" + id + \"'\";");
                file.Line("        command.ExecuteNonQuery();");
                file.Line("    }");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "This defect is not planted in a method.");
        }
    }

    /// <summary>Collects lines and knows the number of the next one.</summary>
    private sealed class FileWriter
    {
        private readonly StringBuilder _text = new();

        public int NextLine { get; private set; } = 1;

        public void Line(string text = "")
        {
            _text.Append(text).Append('\n');
            NextLine++;
        }

        public override string ToString() => _text.ToString();
    }
}
