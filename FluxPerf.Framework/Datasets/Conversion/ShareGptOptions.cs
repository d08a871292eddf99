namespace FluxPerf.Datasets.Conversion;

/// <summary>What <see cref="ShareGptConverter"/> reads, keeps and writes.</summary>
public sealed record ShareGptOptions
{
    /// <summary>A ShareGPT JSON file (an array, or one object) or JSONL file. Required.</summary>
    public required string InputPath { get; init; }

    /// <summary>The benchmark JSONL file to write (replaced if it exists). Required.</summary>
    public required string OutputPath { get; init; }

    /// <summary>Write one single-turn prompt per conversation (its first user turn) instead of
    /// a multi-turn session. Default: <c>false</c>.</summary>
    public bool SingleTurn { get; init; }

    /// <summary>Drop conversations with fewer user turns (after cleaning). Default: 1.</summary>
    public int MinTurns { get; init; } = 1;

    /// <summary>Drop conversations with more user turns (after cleaning); <c>null</c>: no
    /// limit. Default: <c>null</c>.</summary>
    public int? MaxTurns { get; init; }

    /// <summary>Drop entries whose longest prompt exceeds this many cl100k_base tokens: the first
    /// user turn with <see cref="SingleTurn"/>, else the system prompt plus every turn up to and
    /// including the last user turn. <c>null</c>: no limit. Default: <c>null</c>.</summary>
    public int? MaxPromptTokens { get; init; }
}
