using System.Collections.Immutable;

namespace FluxPerf.Monitoring;

/// <summary>A metric family: its metadata and every sample that belongs to it.</summary>
/// <param name="Name">The family name from <c># TYPE</c> (or the sample name when untyped).</param>
/// <param name="Type">The declared type; <see cref="MetricType.Untyped"/> when none.</param>
/// <param name="Help">The unescaped <c># HELP</c> text, or <see langword="null"/>.</param>
/// <param name="Unit">The OpenMetrics <c># UNIT</c>, or <see langword="null"/>.</param>
/// <param name="Samples">The samples in the order they appeared in the text.</param>
public sealed record MetricFamily(
    string Name,
    MetricType Type,
    string? Help,
    string? Unit,
    ImmutableArray<MetricSample> Samples);
