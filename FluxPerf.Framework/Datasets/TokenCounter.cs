using Microsoft.ML.Tokenizers;

namespace FluxPerf.Datasets;

/// <summary>
/// Counts and cuts text in tokens of OpenAI's cl100k_base encoding, offline. The served model's
/// own tokenizer usually differs by a few percent, so counts are estimates for budgeting prompts;
/// reported token figures come from the server's usage.
/// </summary>
public sealed class TokenCounter
{
    private static readonly Lazy<TokenCounter> _cl100kBase =
        new(() => new TokenCounter(TiktokenTokenizer.CreateForEncoding("cl100k_base")));

    private readonly Tokenizer _tokenizer;

    private TokenCounter(Tokenizer tokenizer)
    {
        _tokenizer = tokenizer;
    }

    /// <summary>The shared cl100k_base counter; built on first use (loading the vocabulary takes
    /// a noticeable fraction of a second) and safe to use from several threads.</summary>
    public static TokenCounter Cl100kBase => _cl100kBase.Value;

    /// <summary>Counts the tokens of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number of tokens.</returns>
    public int Count(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return _tokenizer.CountTokens(text);
    }

    /// <summary>
    /// Keeps the beginning of a text, at most <paramref name="maxTokens"/> tokens.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxTokens">The most tokens to keep; 0 gives an empty string.</param>
    /// <returns>The text itself when it fits, else its longest prefix that ends on a token
    /// boundary and holds at most <paramref name="maxTokens"/> tokens.</returns>
    public string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);

        var end = _tokenizer.GetIndexByTokenCount(text, maxTokens, out _, out _);
        return end >= text.Length ? text : text[..end];
    }

    /// <summary>
    /// Cuts the middle out of a text that is too long, keeping its first half and last half of
    /// the token budget, as LongBench does so that both the instructions at the start and the
    /// question at the end survive.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxTokens">The token budget; the head gets half (rounded down), the tail
    /// the rest.</param>
    /// <returns>The text itself when it fits, else head and tail joined directly. Cutting on
    /// token boundaries of the original keeps every character whole; the joined text may
    /// re-tokenise to a token more or less where the halves meet.</returns>
    public string TruncateMiddle(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        if (Count(text) <= maxTokens)
        {
            return text;
        }

        var headTokens = maxTokens / 2;
        var headEnd = _tokenizer.GetIndexByTokenCount(text, headTokens, out _, out _);
        var tailStart = _tokenizer.GetIndexByTokenCountFromEnd(
            text,
            maxTokens - headTokens,
            out _,
            out _);
        return string.Concat(text.AsSpan(0, headEnd), text.AsSpan(Math.Max(tailStart, headEnd)));
    }
}
