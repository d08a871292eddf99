using System.Collections.Immutable;
using System.Globalization;

namespace FluxPerf.Monitoring;

/// <summary>
/// Reads one sample line: <c>name{labels} value [timestamp] [# exemplar]</c>, where the name may
/// also be the first, quoted, entry inside the braces (the UTF-8 names of newer formats).
/// </summary>
internal static class SampleLineParser
{
    /// <summary>Adds the sample to <paramref name="builder"/>; returns an error or null.</summary>
    public static string? Parse(ScrapeBuilder builder, ReadOnlySpan<char> line)
    {
        var reader = new LineReader(line);
        string? name = null;
        if (reader.Current != '{')
        {
            name = reader.ReadIdentifier(allowColon: true);
            if (name is null)
            {
                return $"expected a metric name at column {reader.Column}";
            }
        }

        reader.SkipBlanks();
        var labels = ImmutableArray<MetricLabel>.Empty;
        if (!reader.AtEnd && reader.Current == '{')
        {
            var labelError = LabelSetParser.Parse(ref reader, ref name, out labels);
            if (labelError is not null)
            {
                return labelError;
            }
        }

        return name is null
            ? "the label set holds no quoted metric name"
            : ParseValueAndTimestamp(builder, ref reader, name, labels);
    }

    /// <summary>Parses a sample value, accepting the spellings Go's ParseFloat accepts.</summary>
    public static bool TryParseValue(ReadOnlySpan<char> token, out double value)
    {
        var unsigned = token.Length > 0 && token[0] is '+' or '-' ? token[1..] : token;
        if (unsigned.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase))
        {
            value = token[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (unsigned.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string? ParseValueAndTimestamp(
        ScrapeBuilder builder,
        ref LineReader reader,
        string name,
        ImmutableArray<MetricLabel> labels)
    {
        reader.SkipBlanks();
        var valueToken = reader.ReadToken();
        if (valueToken.IsEmpty)
        {
            return $"no value after the series {name}";
        }

        if (!TryParseValue(valueToken, out var value))
        {
            return $"value \"{valueToken}\" is not a number (nor +Inf, -Inf, NaN)";
        }

        reader.SkipBlanks();
        double? timestamp = null;
        if (!reader.AtEnd && reader.Current != '#')
        {
            var token = reader.ReadToken();
            if (!double.TryParse(
                token, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return $"timestamp \"{token}\" is not a number";
            }

            timestamp = parsed;
            reader.SkipBlanks();
        }

        // An OpenMetrics exemplar ("# {trace_id=...} 1.0") belongs to the sample but carries
        // nothing FluxPerf reports, so it is skipped rather than parsed.
        if (!reader.AtEnd && reader.Current != '#')
        {
            return $"unexpected text \"{reader.Rest}\" after the timestamp";
        }

        builder.AddSample(name, labels, value, timestamp);
        return null;
    }
}
