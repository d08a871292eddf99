namespace FluxPerf.Monitoring;

/// <summary>One parsed selector pattern: a name glob and label matchers.</summary>
internal sealed class MetricPattern
{
    private readonly string _name;
    private readonly IReadOnlyList<LabelMatcher> _labels;

    private MetricPattern(string name, IReadOnlyList<LabelMatcher> labels)
    {
        _name = name;
        _labels = labels;
    }

    /// <summary>Parses <paramref name="text"/>; on failure adds a message to
    /// <paramref name="errors"/> and returns null.</summary>
    public static MetricPattern? Parse(string text, List<string> errors)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var brace = trimmed.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? trimmed : trimmed[..brace].TrimEnd();
        if (name.Length == 0 || !name.All(IsNameOrGlobChar))
        {
            errors.Add($"\"{text}\": the name must be letters, digits, '_', ':' or '*'");
            return null;
        }

        if (brace < 0)
        {
            return new MetricPattern(name, []);
        }

        var labels = ParseMatchers(trimmed[brace..], text!, errors);
        return labels is null ? null : new MetricPattern(name, labels);
    }

    public bool Matches(MetricFamily family, MetricSample sample)
    {
        if (IsCreatedStamp(family, sample) && !_name.Contains("_created", StringComparison.Ordinal))
        {
            return false;
        }

        var byName = Glob.IsMatch(_name, sample.Name) || Glob.IsMatch(_name, family.Name);
        return byName && _labels.All(m => m.Matches(sample.GetLabel(m.Name) ?? string.Empty));
    }

    // "_created" carries the series' creation time, not a measurement; it is kept only when
    // the pattern asks for it by name, so globs and family names do not drag it in.
    private static bool IsCreatedStamp(MetricFamily family, MetricSample sample) =>
        sample.Name != family.Name && sample.Name.EndsWith("_created", StringComparison.Ordinal);

    private static List<LabelMatcher>? ParseMatchers(string body, string text, List<string> errors)
    {
        if (!body.EndsWith('}'))
        {
            errors.Add($"\"{text}\": the label matchers must end with '}}'");
            return null;
        }

        var matchers = new List<LabelMatcher>();
        foreach (var part in body[1..^1].Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var matcher = LabelMatcher.Parse(part.Trim());
            if (matcher is null)
            {
                errors.Add($"\"{text}\": matcher \"{part.Trim()}\" is not label=\"value\" "
                    + "or label!=\"value\"");
                return null;
            }

            matchers.Add(matcher);
        }

        return matchers;
    }

    private static bool IsNameOrGlobChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '_' or ':' or '*';

    private sealed record LabelMatcher(string Name, string ValueGlob, bool Negated)
    {
        public static LabelMatcher? Parse(string text)
        {
            var negated = text.Contains("!=", StringComparison.Ordinal);
            var parts = text.Split(negated ? "!=" : "=", 2);
            if (parts.Length != 2)
            {
                return null;
            }

            var name = parts[0].Trim();
            var value = parts[1].Trim();
            if (name.Length == 0 || value.Length < 2 || value[0] != '"' || value[^1] != '"')
            {
                return null;
            }

            return new LabelMatcher(name, value[1..^1], negated);
        }

        public bool Matches(string value) => Glob.IsMatch(ValueGlob, value) != Negated;
    }
}
