namespace FluxPerf.Datasets.Conversion;

/// <summary>
/// One LongBench record, v1 or v2, reduced to what a prompt needs.
/// </summary>
/// <param name="Id">The record's <c>_id</c>, or its file and line when it has none.</param>
/// <param name="Dataset">v1: the sub-dataset (<c>dataset</c>, else the file name); v2: the
/// domain.</param>
/// <param name="SubDomain">v2: the sub-domain; v1: <c>null</c>.</param>
/// <param name="Language">v1: <c>en</c> or <c>zh</c> when given; v2: <c>null</c>.</param>
/// <param name="Context">The long document.</param>
/// <param name="Question">v1: <c>input</c> (may be empty, e.g. for summaries); v2:
/// <c>question</c>.</param>
/// <param name="Choices">v2: choices A to D; v1: <c>null</c>.</param>
/// <param name="Location">File and line (or entry) for messages.</param>
internal sealed record LongBenchRecord(
    string Id,
    string Dataset,
    string? SubDomain,
    string? Language,
    string Context,
    string Question,
    IReadOnlyList<string>? Choices,
    string Location)
{
    public bool IsV2 => Choices is not null;
}
