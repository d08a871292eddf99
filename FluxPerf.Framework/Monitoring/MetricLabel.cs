namespace FluxPerf.Monitoring;

/// <summary>One label of a sample, with its value unescaped.</summary>
/// <param name="Name">The label name, for example <c>model_name</c>.</param>
/// <param name="Value">The label value with <c>\"</c>, <c>\\</c> and <c>\n</c> resolved.</param>
public readonly record struct MetricLabel(string Name, string Value);
