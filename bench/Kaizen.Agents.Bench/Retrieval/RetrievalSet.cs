namespace Kaizen.Agents.Bench.Retrieval;

/// <summary>
/// A labelled retrieval set made from templates: 20 facts × 10 systems = 200 target turns, each with a question that
/// paraphrases it (the system is named differently, the fact is reworded), hidden among distractors that mention the
/// same systems in other ways, and office chatter. Deterministic.
/// </summary>
internal sealed record RetrievalSet(IReadOnlyList<string> Turns, IReadOnlyList<(string Question, int Target)> Queries)
{
    // (how a turn names the system, how a question names it)
    private static readonly (string Turn, string Question)[] Systems =
    [
        ("billing service", "invoicing app"), ("login page", "sign-in screen"), ("search index", "lookup catalogue"),
        ("payment gateway", "card processor"), ("mobile app", "phone application"), ("email newsletter", "mailing digest"),
        ("inventory database", "stock records store"), ("video player", "movie streaming widget"),
        ("chat bot", "conversational assistant"), ("analytics dashboard", "metrics overview screen"),
    ];

    // (turn, question): {0} is the system as the turn or the question names it
    private static readonly (string Turn, string Question)[] Facts =
    [
        ("The {0} crashed last night because the disk was full", "why did the {0} go down overnight, was storage out of space"),
        ("We moved the {0} to the new data centre in Frankfurt", "which German facility hosts the {0} since the migration"),
        ("The {0} must be patched before the security audit on Friday", "deadline for applying fixes to the {0} ahead of the compliance review"),
        ("Customers complained that the {0} is slow in the morning", "users report sluggish {0} performance early in the day"),
        ("Maria owns the {0} and approves every change to it", "who signs off modifications of the {0}"),
        ("The {0} costs us about 4,000 euros per month in cloud fees", "monthly hosting bill for the {0}"),
        ("We will retire the {0} at the end of next year", "when is the {0} being decommissioned"),
        ("The {0} logs are kept for ninety days and then deleted", "retention period for {0} records before purge"),
        ("A memory leak in the {0} was fixed in release 4.2", "which version repaired the RAM growth problem of the {0}"),
        ("The {0} talks to the warehouse through a message queue", "how does the {0} communicate with the depot system"),
        ("Load tests showed the {0} handles 5,000 requests per second", "throughput capacity measured for the {0} under stress"),
        ("Translations for the {0} are done by an agency in Lisbon", "who localises the {0} into other languages"),
        ("The {0} was down for two hours after a bad configuration push", "outage of the {0} caused by a wrong settings change"),
        ("Backups of the {0} run every six hours", "how often is the {0} copied for disaster recovery"),
        ("The {0} has no automated tests yet, which worries the team", "missing test coverage on the {0}"),
        ("An accessibility review found low contrast colours in the {0}", "problems for visually impaired people using the {0}"),
        ("The {0} sends an alert to the on-call phone when errors spike", "who gets paged if the {0} starts failing"),
        ("The licence for the {0} renews automatically in March", "when does the subscription of the {0} get extended"),
        ("We rewrote the {0} from Java to Go last spring", "which programming language was the {0} ported to"),
        ("The {0} stores passwords hashed with bcrypt", "how are credentials protected inside the {0}"),
    ];

    private static readonly string[] Distractors =
    [
        "The standup about the {0} moved to {1} at {2} o'clock", "Reviewed pull request #{3} for the {0}",
        "Someone asked for a demo of the {0} on {1}", "Updated the wiki page of the {0} (revision {3})",
        "The {0} roadmap item {3} was discussed with product on {1}", "Added a new screenshot of the {0} to the slide deck",
        "Renamed a button label in the {0} after feedback number {3}", "The intern shadowed the {0} team on {1}",
        "Ticket {3} about the {0} was closed as a duplicate", "Planning poker for the {0} gave {2} points to story {3}",
    ];

    private static readonly string[] Teams = ["design", "sales", "finance", "legal", "marketing", "facilities", "recruiting", "support", "research"];
    private static readonly string[] Topics = ["the new logo colours", "the spring offsite agenda", "expense report deadlines", "the coffee machine repair",
        "next quarter's hiring plan", "the customer newsletter draft", "parking permits for visitors", "the holiday rota", "desk booking rules", "the charity run"];
    private static readonly string[] Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

    /// <summary>Builds the set: 200 targets and <paramref name="distractors"/> other turns, shuffled with a fixed seed.</summary>
    public static RetrievalSet Create(int distractors = 1_800)
    {
        var random = new Random(12);
        var turns = new List<(string Text, int Query)>();
        var questions = new List<string>();
        foreach (var (factTurn, factQuestion) in Facts)
        {
            foreach (var (systemTurn, systemQuestion) in Systems)
            {
                turns.Add((string.Format(factTurn, systemTurn), questions.Count));
                questions.Add(string.Format(factQuestion, systemQuestion));
            }
        }

        for (var i = 0; i < distractors; i++)
        {
            var text = i % 5 < 3
                ? string.Format(Distractors[i % Distractors.Length], Systems[i / Distractors.Length % Systems.Length].Turn, Days[i % Days.Length], 9 + i % 8, 100 + i)
                : $"The {Teams[i % Teams.Length]} team talked about {Topics[i / Teams.Length % Topics.Length]} (note {i})";
            turns.Add((text, -1));
        }

        var shuffled = turns.OrderBy(_ => random.Next()).ToList();
        var targets = new int[questions.Count];
        for (var position = 0; position < shuffled.Count; position++)
        {
            if (shuffled[position].Query >= 0) targets[shuffled[position].Query] = position;
        }

        return new RetrievalSet(shuffled.Select(t => t.Text).ToList(), questions.Select((q, i) => (q, targets[i])).ToList());
    }
}
