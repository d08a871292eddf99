namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Turns ShareGPT conversations into benchmark JSONL: cleaned multi-turn sessions with the
/// dataset's replies kept beside the user turns, or single-turn prompts from the first user turn.
/// </summary>
public static partial class ShareGptConverter
{
    /// <summary>Reads, cleans, filters and writes; returns what was kept and dropped.</summary>
    /// <param name="options">What to read and keep.</param>
    /// <param name="cancellationToken">Stops the conversion between entries.</param>
    /// <returns>The counts of the conversion.</returns>
    /// <exception cref="DatasetException">The options or the input cannot be used; the message
    /// says why and names the file and line.</exception>
    public static ConversionSummary Convert(
        ShareGptOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var dropped = new ReasonCounter();
        var adjustments = new ReasonCounter();
        var state = new ShareGptSelection(options, dropped, adjustments);
        foreach (var record in ShareGptReader.Read(options.InputPath, cancellationToken))
        {
            state.Consider(record);
        }

        CheckNotEmpty(options, state, dropped);
        var written = BenchmarkJsonlWriter.Write(
            options.OutputPath, state.Entries, cancellationToken);

        return new ConversionSummary(
            options.OutputPath,
            state.Read,
            state.Entries.Count,
            written,
            dropped.ToDictionary(),
            adjustments.ToDictionary());
    }

    private static void Validate(ShareGptOptions options)
    {
        var problems = new List<string>();
        if (options.MinTurns < 1)
        {
            problems.Add($"min turns '{options.MinTurns}' must be at least 1");
        }

        if (options.MaxTurns is { } max && max < Math.Max(1, options.MinTurns))
        {
            problems.Add(
                $"max turns '{max}' must be at least 1 and at least min turns "
                + $"({options.MinTurns})");
        }

        if (options.MaxPromptTokens is < 1)
        {
            problems.Add($"max prompt tokens '{options.MaxPromptTokens}' must be at least 1");
        }

        if (problems.Count > 0)
        {
            throw new DatasetException(string.Join("; ", problems));
        }
    }

    private static void CheckNotEmpty(
        ShareGptOptions options,
        ShareGptSelection state,
        ReasonCounter dropped)
    {
        if (state.Read == 0)
        {
            throw new DatasetException($"ShareGPT input '{options.InputPath}' holds no entries");
        }

        if (state.Entries.Count == 0)
        {
            var reasons = string.Join(
                ", ",
                dropped.ToDictionary().Select(p => $"{p.Key}: {p.Value}"));
            var where = state.FirstProblemLocation is { } at
                ? $"; first unusable entry at {at}"
                : "";
            throw new DatasetException(
                $"no usable conversations in '{options.InputPath}' ({state.Read} entries read; "
                + $"dropped {reasons}{where}); expected ShareGPT entries "
                + "{\"conversations\": [{\"from\": \"human\", \"value\": ...}, ...]}");
        }
    }
}
