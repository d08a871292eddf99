namespace FluxPerf.Monitoring;

/// <summary>
/// Reads the Prometheus text exposition (0.0.4 and 1.0.0) and OpenMetrics text 1.0. The parser is
/// lenient where servers are sloppy (missing metadata, samples out of order, CRLF) and never
/// throws on content: a bad line becomes a <see cref="ParseWarning"/> and the rest is kept.
/// </summary>
public static class PrometheusTextParser
{
    private const int MaxQuotedLineLength = 200;

    /// <summary>Parses a whole exposition.</summary>
    /// <param name="text">The response body of <c>/metrics</c>.</param>
    /// <param name="format">How to read timestamps; <see cref="ExpositionFormat.Auto"/> picks
    /// OpenMetrics when a <c># EOF</c> line is present.</param>
    public static ScrapeResult Parse(string text, ExpositionFormat format = ExpositionFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), format);
    }

    /// <summary>Parses a whole exposition.</summary>
    /// <param name="text">The response body of <c>/metrics</c>.</param>
    /// <param name="format">How to read timestamps; <see cref="ExpositionFormat.Auto"/> picks
    /// OpenMetrics when a <c># EOF</c> line is present.</param>
    public static ScrapeResult Parse(
        ReadOnlySpan<char> text,
        ExpositionFormat format = ExpositionFormat.Auto)
    {
        var builder = new ScrapeBuilder();
        var lineNumber = 0;
        foreach (var range in text.Split('\n'))
        {
            lineNumber++;
            ParseLine(builder, text[range], lineNumber);
        }

        return builder.Build(format);
    }

    private static void ParseLine(ScrapeBuilder builder, ReadOnlySpan<char> rawLine, int number)
    {
        // CRLF files and lines indented by hand both occur; neither changes the meaning.
        var line = rawLine.TrimEnd('\r').Trim([' ', '\t']);
        if (line.IsEmpty)
        {
            return;
        }

        if (builder.SawEof)
        {
            builder.AddBadLine(number, Quote(line), "content after '# EOF'");
            return;
        }

        string? error = line[0] == '#'
            ? CommentLineParser.Parse(builder, line)
            : SampleLineParser.Parse(builder, line);
        if (error is not null)
        {
            builder.AddBadLine(number, Quote(line), error);
        }
    }

    private static string Quote(ReadOnlySpan<char> line) =>
        line.Length <= MaxQuotedLineLength
            ? line.ToString()
            : string.Concat(line[..MaxQuotedLineLength], "…");
}
