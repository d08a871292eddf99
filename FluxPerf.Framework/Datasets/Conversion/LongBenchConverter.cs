namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// Turns LongBench v1/v2 records into benchmark JSONL: each prompt is built from its
/// sub-dataset's LongBench template, <c>max_tokens</c> comes from LongBench's answer budget.
/// </summary>
public static partial class LongBenchConverter
{
    /// <summary>
    /// Where to get LongBench's data by hand, quoted when a download is asked for.
    /// </summary>
    public const string DownloadHelp =
        "downloading needs network access to the Hugging Face hub, and FluxPerf downloads nothing "
        + "at run time. Fetch the data by hand on a connected machine: "
        + "https://huggingface.co/datasets/THUDM/LongBench/resolve/main/data.zip (v1) or "
        + "https://huggingface.co/datasets/THUDM/LongBench-v2/resolve/main/data.json (v2), "
        + "copy it here and pass it with --input";

    /// <summary>Reads, filters, samples and writes; returns what was kept and dropped.</summary>
    /// <param name="options">What to read and keep.</param>
    /// <param name="cancellationToken">Stops the conversion between records.</param>
    /// <returns>The counts of the conversion.</returns>
    /// <exception cref="DatasetException">The options or the input cannot be used; the message
    /// says why and names the file and line.</exception>
    public static ConversionSummary Convert(
        LongBenchOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);

        var templates = LongBenchTemplates.Load(options.PromptTemplatesPath);
        var records = LongBenchReader.ReadAll(options.InputPath, cancellationToken);
        if (records.Count == 0)
        {
            throw new DatasetException($"LongBench input '{options.InputPath}' holds no records");
        }

        var dropped = new ReasonCounter();
        var kept = Filter(records, options, templates, dropped);
        var units = Sample(GroupUnits(kept, options.Grouping), options, dropped);
        var adjustments = new ReasonCounter();
        var entries = BuildEntries(units, options, templates, adjustments);
        var written = BenchmarkJsonlWriter.Write(options.OutputPath, entries, cancellationToken);

        return new ConversionSummary(
            options.OutputPath,
            records.Count,
            units.Sum(u => u.Count),
            written,
            dropped.ToDictionary(),
            adjustments.ToDictionary());
    }

    private static void Validate(LongBenchOptions options)
    {
        if (options.Download)
        {
            throw new DatasetException("--download is not possible: " + DownloadHelp);
        }

        var problems = new List<string>();
        if (options.SamplePerDataset is < 1)
        {
            problems.Add($"sample size '{options.SamplePerDataset}' must be at least 1");
        }

        if (options.MaxPromptTokens is < 1)
        {
            problems.Add($"max prompt tokens '{options.MaxPromptTokens}' must be at least 1");
        }

        if (options.Language is not (null or "en" or "zh"))
        {
            problems.Add($"language '{options.Language}' is not one of: en, zh");
        }

        if (problems.Count > 0)
        {
            throw new DatasetException(string.Join("; ", problems));
        }
    }
}
