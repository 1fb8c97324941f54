namespace Kaizen.Agents.Bench.Memory;

/// <summary>Deterministic, varied turn texts (12-word sentences over a 300-word vocabulary).</summary>
internal static class BenchText
{
    private static readonly string[] Vocabulary = Enumerable.Range(0, 300).Select(Word).ToArray();

    public static string Turn(int i)
    {
        var random = new Random(i);
        var words = Enumerable.Range(0, 12).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]);
        return $"Turn {i}: {string.Join(' ', words)}.";
    }

    public static string Query(int i) => string.Join(' ', Enumerable.Range(0, 4).Select(n => Vocabulary[new Random(1_000_000 + i * 7 + n).Next(Vocabulary.Length)]));

    private static string Word(int n)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var random = new Random(n * 31 + 7);
        var length = 2 + random.Next(3);
        return string.Concat(Enumerable.Range(0, length).Select(_ => $"{consonants[random.Next(consonants.Length)]}{vowels[random.Next(vowels.Length)]}"));
    }
}
