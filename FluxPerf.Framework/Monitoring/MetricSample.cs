using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace FluxPerf.Monitoring;

/// <summary>One sample line of an exposition: a series and its value.</summary>
/// <param name="Name">The sample's own name, e.g. <c>vllm:ttft_seconds_bucket</c>.</param>
/// <param name="Labels">The labels in the order the server wrote them.</param>
/// <param name="Value">The value; may be <c>+Inf</c>, <c>-Inf</c> or <c>NaN</c>.</param>
/// <param name="TimestampMs">The optional timestamp in Unix milliseconds (OpenMetrics seconds
/// are converted), or <see langword="null"/> when the line carries none.</param>
public sealed record MetricSample(
    string Name,
    ImmutableArray<MetricLabel> Labels,
    double Value,
    double? TimestampMs)
{
    /// <summary>The value of label <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The label name.</param>
    public string? GetLabel(string name)
    {
        foreach (var label in Labels)
        {
            if (label.Name == name)
            {
                return label.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The labels as text, <c>engine="0",model_name="m"</c>, sorted by name so the same series
    /// gives the same text in every scrape; values are escaped as in the exposition.
    /// </summary>
    /// <param name="exclude">A label to leave out (for example <c>le</c>), or null.</param>
    public string FormatLabels(string? exclude = null)
    {
        var builder = new StringBuilder();
        foreach (var label in Labels.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            if (label.Name == exclude)
            {
                continue;
            }

            if (builder.Length > 0)
            {
                builder.Append(',');
            }

            builder.Append(CultureInfo.InvariantCulture, $"{label.Name}=\"");
            AppendEscaped(builder, label.Value);
            builder.Append('"');
        }

        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, string value)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '"' => builder.Append("\\\""),
                '\n' => builder.Append(@"\n"),
                _ => builder.Append(c),
            };
        }
    }
}
