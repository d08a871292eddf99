namespace FluxPerf.Datasets.Generation;

/// <summary>
/// Builds text of an exact cl100k_base token count from a seeded word list. Only words that are
/// one token both at the start of a text and after a space are used, and the tokenizer never
/// merges across a space-letter boundary, so n words joined by spaces are exactly n tokens.
/// </summary>
internal static class WordSource
{
    private static readonly Lazy<IReadOnlyList<string>> _words = new(LoadWords);

    /// <summary>The usable words, in the order of the embedded list.</summary>
    public static IReadOnlyList<string> Words => _words.Value;

    /// <summary>Draws <paramref name="count"/> words; the first is <paramref name="first"/>
    /// when given, so callers can make texts differ from their first token on.</summary>
    public static string[] Draw(Random random, int count, string? first = null)
    {
        var words = new string[count];
        for (var i = 0; i < count; i++)
        {
            words[i] = i == 0 && first is not null ? first : Words[random.Next(Words.Count)];
        }

        return words;
    }

    /// <summary>A seeded order of all words, to hand out distinct first words.</summary>
    public static IReadOnlyList<string> Permutation(int seed) => Sampler.Shuffle(Words, seed);

    /// <summary>Joins words into text and checks the token count it promises.</summary>
    public static string Render(IReadOnlyList<string> words)
    {
        var text = string.Join(' ', words);
        var tokens = words.Count == 0 ? 0 : TokenCounter.Cl100kBase.Count(text);
        if (tokens != words.Count)
        {
            throw new InvalidOperationException(
                $"generated text of {words.Count} one-token words counts {tokens} tokens; "
                + "the word list holds a word that is not a single cl100k_base token");
        }

        return text;
    }

    private static List<string> LoadWords()
    {
        var counter = TokenCounter.Cl100kBase;
        var words = Conversion.EmbeddedText.Read("Generation/words.txt")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Where(w => counter.Count(w) == 1 && counter.Count(" " + w) == 1)
            .ToList();
        if (words.Count < 100)
        {
            throw new InvalidOperationException(
                $"only {words.Count} words of the embedded list are single tokens; need 100");
        }

        return words;
    }
}
