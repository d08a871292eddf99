using System.Globalization;
using System.Text;

namespace FluxPerf.Datasets.Generation;

/// <summary>What a generator wrote.</summary>
/// <param name="OutputPath">The benchmark JSONL file.</param>
/// <param name="ExpectedPath">The sidecar with the expected reuse per request.</param>
/// <param name="Entries">Lines written to <paramref name="OutputPath"/>.</param>
/// <param name="Requests">Requests those entries make (turns summed over sessions).</param>
/// <param name="PromptTokens">cl100k_base tokens of all system and user messages sent.</param>
/// <param name="ReusableTokens">Of those, the tokens a perfect prefix cache could reuse
/// (replayed replies not included).</param>
public sealed record GenerationSummary(
    string OutputPath,
    string ExpectedPath,
    int Entries,
    int Requests,
    long PromptTokens,
    long ReusableTokens)
{
    /// <summary>A plain-text report, one fact per line, culture-invariant.</summary>
    public string Format()
    {
        var inv = CultureInfo.InvariantCulture;
        var share = PromptTokens == 0 ? 0 : (double)ReusableTokens / PromptTokens;
        var text = new StringBuilder();
        text.AppendLine(inv, $"Wrote {Entries} entries ({Requests} requests) to {OutputPath}");
        text.AppendLine(inv, $"Wrote expected prefix reuse to {ExpectedPath}");
        text.AppendLine(inv, $"Prompt tokens: {PromptTokens}, reusable by a perfect prefix cache: "
            + $"{ReusableTokens} ({share:P1})");
        return text.ToString();
    }
}
