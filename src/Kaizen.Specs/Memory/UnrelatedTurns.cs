namespace Kaizen.Specs.Memory;

/// <summary>Everyday office chatter that shares no subject with the turns a scenario searches for.</summary>
internal static class UnrelatedTurns
{
    private static readonly string[] Teams = ["design", "sales", "finance", "legal", "marketing", "facilities", "recruiting", "support"];
    private static readonly string[] Topics =
    [
        "the new logo colours", "the spring offsite agenda", "expense report deadlines", "the coffee machine repair",
        "next quarter's hiring plan", "the customer newsletter draft", "parking permits for visitors", "the holiday rota",
    ];
    private static readonly string[] Verbs = ["discussed", "postponed", "approved", "summarised", "reviewed"];

    /// <summary>The <paramref name="index"/>-th filler sentence (deterministic, all distinct).</summary>
    public static string At(int index) =>
        $"The {Teams[index % Teams.Length]} team {Verbs[index / Teams.Length % Verbs.Length]} {Topics[index / (Teams.Length * Verbs.Length) % Topics.Length]} (item {index + 1}).";
}
