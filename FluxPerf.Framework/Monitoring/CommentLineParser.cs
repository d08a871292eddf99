namespace FluxPerf.Monitoring;

/// <summary>Reads <c># HELP</c>, <c># TYPE</c>, <c># UNIT</c> and <c># EOF</c> lines.</summary>
internal static class CommentLineParser
{
    /// <summary>Records the line in <paramref name="builder"/>; returns an error or null.</summary>
    public static string? Parse(ScrapeBuilder builder, ReadOnlySpan<char> line)
    {
        var rest = line[1..].TrimStart([' ', '\t']);
        if (rest.SequenceEqual("EOF"))
        {
            builder.SawEof = true;
            return null;
        }

        var keywordEnd = rest.IndexOfAny(' ', '\t');
        var keyword = keywordEnd < 0 ? rest : rest[..keywordEnd];
        var isMetadata = keyword is "HELP" or "TYPE" or "UNIT";

        // Any other comment is free text (exporters write banners, proxies add notes).
        return isMetadata ? ParseMetadata(builder, keyword, rest[keyword.Length..]) : null;
    }

    private static string? ParseMetadata(
        ScrapeBuilder builder,
        ReadOnlySpan<char> keyword,
        ReadOnlySpan<char> afterKeyword)
    {
        var text = afterKeyword.TrimStart([' ', '\t']);
        var reader = new LineReader(text);
        var name = reader.ReadMetricName();
        if (name is null)
        {
            return $"# {keyword} without a metric name";
        }

        // The spec puts exactly one blank between the name and the text; HELP text may start with
        // blanks of its own, so only one is skipped.
        var value = reader.Rest;
        if (!value.IsEmpty && value[0] is ' ' or '\t')
        {
            value = value[1..];
        }

        return keyword switch
        {
            "HELP" => builder.SetHelp(name, Unescape(value)),
            "TYPE" => SetType(builder, name, value.Trim([' ', '\t'])),
            _ => builder.SetUnit(name, value.Trim([' ', '\t']).ToString()),
        };
    }

    private static string? SetType(ScrapeBuilder builder, string name, ReadOnlySpan<char> type)
    {
        MetricType? parsed = type.ToString().ToLowerInvariant() switch
        {
            "counter" => MetricType.Counter,
            "gauge" => MetricType.Gauge,
            "histogram" => MetricType.Histogram,
            "summary" => MetricType.Summary,
            "untyped" or "unknown" => MetricType.Untyped,
            "gaugehistogram" => MetricType.GaugeHistogram,
            "stateset" => MetricType.StateSet,
            "info" => MetricType.Info,
            _ => null,
        };
        if (parsed is null)
        {
            return $"unknown metric type \"{type}\" for {name}; expected counter, gauge, "
                + "histogram, summary, untyped, unknown, gaugehistogram, stateset or info";
        }

        return builder.SetType(name, parsed.Value);
    }

    private static string Unescape(ReadOnlySpan<char> help)
    {
        if (!help.Contains('\\'))
        {
            return help.ToString();
        }

        var chars = new System.Text.StringBuilder(help.Length);
        for (var i = 0; i < help.Length; i++)
        {
            if (help[i] == '\\' && i + 1 < help.Length && help[i + 1] is '\\' or 'n' or '"')
            {
                i++;
                chars.Append(help[i] == 'n' ? '\n' : help[i]);
            }
            else
            {
                chars.Append(help[i]);
            }
        }

        return chars.ToString();
    }
}
