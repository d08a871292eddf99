namespace FluxPerf.Datasets.Conversion;

/// <summary>One line of a benchmark JSONL file, in one of the shapes the engine reads.</summary>
internal abstract record BenchmarkEntry;
