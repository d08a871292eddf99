namespace FluxPerf.Datasets.Generation;

/// <summary>What <see cref="MultiRoundGenerator"/> writes.</summary>
public sealed record MultiRoundOptions
{
    /// <summary>Number of users, one session each (at least 1). Required.</summary>
    public required int Users { get; init; }

    /// <summary>Rounds (questions) per user (at least 1). Required.</summary>
    public required int Rounds { get; init; }

    /// <summary>Tokens of the system prompt all users share (0 or more). Required.</summary>
    public required int SystemTokens { get; init; }

    /// <summary>Tokens of each user's own context, sent before the first question (0 or more).
    /// Default: 1000.</summary>
    public int ContextTokens { get; init; } = 1000;

    /// <summary>Tokens of each question (at least 1). Default: 20.</summary>
    public int QuestionTokens { get; init; } = 20;

    /// <summary><c>max_tokens</c> to write on every session, or <c>null</c> to leave it to the
    /// run. Default: <c>null</c>.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>The seed of the words. Default: 0.</summary>
    public int Seed { get; init; }

    /// <summary>The benchmark JSONL file to write; the sidecar goes beside it. Required.</summary>
    public required string OutputPath { get; init; }
}
