namespace FluxPerf.Datasets.Conversion;

/// <summary>One ShareGPT entry as read, before cleaning.</summary>
/// <param name="Id">The entry's <c>id</c>, or <c>null</c> when it has none.</param>
/// <param name="Turns">The turns in order, roles mapped, text untouched.</param>
/// <param name="Tools">The entry's <c>tools</c> text (tool-call data), or <c>null</c>.</param>
/// <param name="Location">File and line or entry number, for messages.</param>
/// <param name="Problem">Why the entry cannot be used (a drop reason), or <c>null</c>.</param>
internal sealed record ShareGptRecord(
    string? Id,
    IReadOnlyList<ShareGptTurn> Turns,
    string? Tools,
    string Location,
    string? Problem = null);
