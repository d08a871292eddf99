namespace FluxPerf.Datasets.Conversion;

/// <summary>Filtering, grouping and sampling steps of <see cref="LongBenchConverter"/>.</summary>
public static partial class LongBenchConverter
{
    internal const string DroppedDataset = "sub-dataset not selected";
    internal const string DroppedLanguage = "language not selected";
    internal const string DroppedTemplate = "no prompt template for sub-dataset";
    internal const string DroppedSampling = "not drawn by --sample";
    internal const string AdjustedTruncated = "prompt cut in the middle to the token budget";

    private static List<LongBenchRecord> Filter(
        IReadOnlyList<LongBenchRecord> records,
        LongBenchOptions options,
        LongBenchTemplates templates,
        ReasonCounter dropped)
    {
        var selected = new HashSet<string>(options.Datasets, StringComparer.OrdinalIgnoreCase);
        CheckSelectedNamesExist(records, selected);

        var kept = new List<LongBenchRecord>();
        foreach (var record in records)
        {
            var reason = selected.Count > 0 && !IsSelected(record, selected) ? DroppedDataset
                : options.Language is not null && !record.IsV2
                    && record.Language != options.Language
                    ? DroppedLanguage
                : !templates.HasTemplate(record) ? DroppedTemplate
                : null;
            if (reason is null)
            {
                kept.Add(record);
            }
            else
            {
                dropped.Add(reason);
            }
        }

        if (kept.Count == 0)
        {
            throw new DatasetException(
                $"no LongBench records are left after filtering {records.Count} records "
                + $"(datasets: {Describe(options.Datasets)}, "
                + $"language: {options.Language ?? "any"}); "
                + "loosen --datasets or --language");
        }

        return kept;
    }

    private static bool IsSelected(LongBenchRecord record, HashSet<string> selected) =>
        selected.Contains(record.Dataset)
        || (record.SubDomain is not null && selected.Contains(record.SubDomain));

    private static void CheckSelectedNamesExist(
        IReadOnlyList<LongBenchRecord> records,
        HashSet<string> selected)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            present.Add(record.Dataset);
            if (record.SubDomain is not null)
            {
                present.Add(record.SubDomain);
            }
        }

        var unknown = selected.Where(s => !present.Contains(s)).ToList();
        if (unknown.Count > 0)
        {
            throw new DatasetException(
                $"--datasets names {Describe(unknown)} that the input does not contain; "
                + $"it contains: {Describe(present.Order(StringComparer.Ordinal).ToList())}");
        }
    }

    // A unit is what sampling draws and what one entry (or a run of entries) is built from:
    // one record, or every record sharing a context when grouping.
    private static List<List<LongBenchRecord>> GroupUnits(
        List<LongBenchRecord> records,
        LongBenchGrouping grouping)
    {
        if (grouping == LongBenchGrouping.None)
        {
            return records.Select(r => new List<LongBenchRecord> { r }).ToList();
        }

        var groups = new Dictionary<(string, string), List<LongBenchRecord>>();
        var ordered = new List<List<LongBenchRecord>>();
        foreach (var record in records)
        {
            if (!groups.TryGetValue((record.Dataset, record.Context), out var group))
            {
                group = [];
                groups.Add((record.Dataset, record.Context), group);
                ordered.Add(group);
            }

            group.Add(record);
        }

        return ordered;
    }

    private static List<List<LongBenchRecord>> Sample(
        List<List<LongBenchRecord>> units,
        LongBenchOptions options,
        ReasonCounter dropped)
    {
        if (options.SamplePerDataset is not { } perDataset)
        {
            return units;
        }

        var keep = new HashSet<List<LongBenchRecord>>(ReferenceEqualityComparer.Instance);
        foreach (var byDataset in units.GroupBy(u => u[0].Dataset, StringComparer.Ordinal))
        {
            // The same seed for every sub-dataset keeps one sub-dataset's draw independent of
            // which other sub-datasets are selected.
            var drawn = Sampler.Shuffle(byDataset.ToList(), options.Seed).Take(perDataset);
            keep.UnionWith(drawn);
        }

        dropped.Add(DroppedSampling, units.Where(u => !keep.Contains(u)).Sum(u => u.Count));

        // Input order, not draw order, so the output reads like the source and stays stable.
        return units.Where(keep.Contains).ToList();
    }

    private static string Describe(IReadOnlyCollection<string> names) =>
        names.Count == 0 ? "all" : string.Join(", ", names.Select(n => $"'{n}'"));
}
