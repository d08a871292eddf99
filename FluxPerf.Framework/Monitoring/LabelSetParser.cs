using System.Collections.Immutable;

namespace FluxPerf.Monitoring;

/// <summary>Reads a <c>{name="value",...}</c> label set, trailing comma allowed.</summary>
internal static class LabelSetParser
{
    /// <summary>Reads the set at the cursor (on '{'); returns an error or null.</summary>
    public static string? Parse(
        ref LineReader reader,
        ref string? metricName,
        out ImmutableArray<MetricLabel> labels)
    {
        var builder = ImmutableArray.CreateBuilder<MetricLabel>();
        labels = ImmutableArray<MetricLabel>.Empty;
        reader.Advance();
        while (true)
        {
            reader.SkipBlanks();
            if (reader.AtEnd)
            {
                return "unterminated label set: '}' missing";
            }

            if (reader.Current == '}')
            {
                reader.Advance();
                labels = builder.ToImmutable();
                return null;
            }

            var error = ReadEntry(ref reader, ref metricName, builder);
            if (error is not null)
            {
                return error;
            }
        }
    }

    private static string? ReadEntry(
        ref LineReader reader,
        ref string? metricName,
        ImmutableArray<MetricLabel>.Builder labels)
    {
        var quoted = reader.Current == '"';
        var key = quoted ? reader.ReadQuoted(out _) : reader.ReadIdentifier(allowColon: false);
        if (key is null)
        {
            return $"expected a label name at column {reader.Column}";
        }

        reader.SkipBlanks();
        if (quoted && (reader.AtEnd || reader.Current is ',' or '}'))
        {
            if (metricName is not null)
            {
                return $"a second metric name \"{key}\" inside the label set of {metricName}";
            }

            metricName = key;
            return ReadSeparator(ref reader);
        }

        var valueError = ReadValue(ref reader, key, out var value);
        if (valueError is not null)
        {
            return valueError;
        }

        if (labels.Any(l => l.Name == key))
        {
            return $"label {key} appears twice";
        }

        labels.Add(new MetricLabel(key, value));
        return ReadSeparator(ref reader);
    }

    private static string? ReadValue(ref LineReader reader, string key, out string value)
    {
        value = string.Empty;
        if (reader.AtEnd || reader.Current != '=')
        {
            return $"expected '=' after label name {key} at column {reader.Column}";
        }

        reader.Advance();
        reader.SkipBlanks();
        if (reader.AtEnd || reader.Current != '"')
        {
            return $"the value of label {key} must be in double quotes (column {reader.Column})";
        }

        var read = reader.ReadQuoted(out var error);
        if (read is null)
        {
            return $"label {key}: {error}";
        }

        value = read;
        return null;
    }

    private static string? ReadSeparator(ref LineReader reader)
    {
        reader.SkipBlanks();
        if (reader.AtEnd)
        {
            return "unterminated label set: '}' missing";
        }

        if (reader.Current == ',')
        {
            reader.Advance();
            return null;
        }

        return reader.Current == '}'
            ? null
            : $"expected ',' or '}}' at column {reader.Column}, found '{reader.Current}'";
    }
}
