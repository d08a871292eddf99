using System.Text;
using Microsoft.ML.Tokenizers;

namespace FluxPerf.MockServer;

/// <summary>
/// Renders chat messages through the mock's fixed template and counts tokens with cl100k_base.
/// The template is the mock's own (no real model's): what matters for cache behaviour is that
/// equal conversations give equal token prefixes, and a longer conversation extends a shorter one.
/// </summary>
internal static class PromptTokenizer
{
    // Creating the tokenizer parses a 1.7 MB vocabulary; once per process is enough, and
    // EncodeToIds is thread-safe.
    private static readonly Lazy<TiktokenTokenizer> Tokenizer =
        new(() => TiktokenTokenizer.CreateForEncoding("cl100k_base"));

    public static TiktokenTokenizer Instance => Tokenizer.Value;

    /// <summary>"&lt;|role|&gt;\ncontent\n" per message, then the assistant header.</summary>
    public static string RenderChat(IReadOnlyList<(string Role, string Content)> messages)
    {
        var text = new StringBuilder();
        foreach (var (role, content) in messages)
        {
            text.Append("<|").Append(role).Append("|>\n").Append(content).Append('\n');
        }

        return text.Append("<|assistant|>\n").ToString();
    }

    public static int[] Encode(string text)
    {
        return [.. Instance.EncodeToIds(text)];
    }
}
