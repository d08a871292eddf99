using System.Text;

namespace FluxPerf.MockServer;

/// <summary>
/// The words the mock "generates". Each is a single cl100k_base token, so an event of k words
/// is k tokens by the same tokenizer a client might use to count, and each is pre-encoded as
/// JSON-safe UTF-8 so streaming a token allocates nothing.
/// </summary>
internal static class OutputVocabulary
{
    private static readonly string[] Candidates =
    [
        " the", " of", " and", " to", " in", " is", " that", " for", " it", " as", " with",
        " was", " on", " be", " at", " by", " this", " are", " from", " or", " an", " but",
        " not", " which", " have", " one", " can", " all", " there", " their", " more", " when",
        " time", " also", " new", " cache", " model", " token", " server", " request", " data",
        " block", " prefix", " first", " second", " round", " warm", " cold", " fast", " slow",
        " value", " result", " system", " memory", " batch", " queue", " stream", " event",
        " number", " small", " large", " simple", " good", " well", " much", " many", " each",
        " other", " some", " these", " would", " could", " should", " will", " about", " into",
        " than", " then", " only", " over", " after", " before", " under", " between", ".", ",",
    ];

    private static readonly Lazy<(string[] Words, byte[][] Utf8)> Table = new(Build);

    public static IReadOnlyList<string> Words => Table.Value.Words;

    public static int Count => Table.Value.Words.Length;

    /// <summary>The JSON-ready UTF-8 bytes of a word (none of the words needs escaping).</summary>
    public static ReadOnlySpan<byte> Utf8(int index)
    {
        return Table.Value.Utf8[index];
    }

    /// <summary>
    /// The word at a position of a request's output; the same seed gives the same text.
    /// </summary>
    public static int WordAt(ulong textSeed, int position)
    {
        return (int)(BlockHash.Mix(textSeed + (ulong)position) % (ulong)Count);
    }

    private static (string[] Words, byte[][] Utf8) Build()
    {
        var tokenizer = PromptTokenizer.Instance;
        var words = Candidates.Where(w => tokenizer.CountTokens(w) == 1).ToArray();
        return (words, [.. words.Select(Encoding.UTF8.GetBytes)]);
    }
}
