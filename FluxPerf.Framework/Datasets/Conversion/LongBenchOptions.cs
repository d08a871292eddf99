namespace FluxPerf.Datasets.Conversion;

/// <summary>What <see cref="LongBenchConverter"/> reads, keeps and writes.</summary>
public sealed record LongBenchOptions
{
    /// <summary>A LongBench v1 JSONL file, a folder of them, LongBench's <c>data.zip</c>, or a
    /// LongBench v2 JSON file. Required.</summary>
    public required string InputPath { get; init; }

    /// <summary>The benchmark JSONL file to write (replaced if it exists). Required.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Sub-dataset names to keep (v1 <c>dataset</c>, v2 <c>domain</c> or
    /// <c>sub_domain</c>), case-insensitive; empty keeps all. Default: empty.</summary>
    public IReadOnlyList<string> Datasets { get; init; } = [];

    /// <summary><c>en</c> or <c>zh</c> to keep one language, or <c>null</c> for both. v2 records
    /// carry no language and are kept regardless. Default: <c>null</c>.</summary>
    public string? Language { get; init; }

    /// <summary>Records to keep per sub-dataset (context groups when grouping), drawn with
    /// <see cref="Seed"/>; <c>null</c> keeps all. Default: <c>null</c>.</summary>
    public int? SamplePerDataset { get; init; }

    /// <summary>The seed for <see cref="SamplePerDataset"/>. Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>Token budget (cl100k_base) of a prompt; a longer prompt keeps the first half and
    /// the last half of the budget, as LongBench does. <c>null</c>: no budget.
    /// Default: <c>null</c>.</summary>
    public int? MaxPromptTokens { get; init; }

    /// <summary>How records sharing a context are written.
    /// Default: <see cref="LongBenchGrouping.None"/>.</summary>
    public LongBenchGrouping Grouping { get; init; } = LongBenchGrouping.None;

    /// <summary>A JSON object of v1 templates (sub-dataset name → template with <c>{context}</c>
    /// and <c>{input}</c>) used instead of the embedded <c>dataset2prompt.json</c>; <c>null</c>
    /// uses the embedded copy. Default: <c>null</c>.</summary>
    public string? PromptTemplatesPath { get; init; }

    /// <summary>Asks to download the data first; always refused, because FluxPerf downloads
    /// nothing at run time. Default: <c>false</c>.</summary>
    public bool Download { get; init; }
}
