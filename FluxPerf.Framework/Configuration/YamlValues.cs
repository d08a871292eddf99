using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration;

/// <summary>
/// Reads typed values out of YAML nodes, collecting a message for each bad value instead of
/// stopping at the first, and expanding <c>${NAME}</c> from the environment in strings.
/// </summary>
internal sealed partial class YamlValues
{
    private readonly YamlFile _file;
    private readonly List<string> _problems;

    public YamlValues(YamlFile file, List<string> problems)
    {
        _file = file;
        _problems = problems;
    }

    public YamlFile File => _file;

    public int ProblemCount => _problems.Count;

    public void Problem(YamlNode node, string message) =>
        _problems.Add($"{_file.Where(node)}: {message}");

    public void RawProblem(string message) => _problems.Add(message);

    public string? String(string key, YamlNode node)
    {
        if (node is not YamlScalarNode scalar)
        {
            Problem(node, $"{key} must be a single value, not a list or mapping");
            return null;
        }

        return Expand(key, scalar);
    }

    public int? Int(string key, YamlNode node, int min = int.MinValue)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            || value < min)
        {
            Problem(node, $"{key} is \"{text}\"; expected a whole number"
                + (min > int.MinValue ? $" ≥ {min}" : ""));
            return null;
        }

        return value;
    }

    public double? Double(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            Problem(node, $"{key} is \"{text}\"; expected a number such as 0.5");
            return null;
        }

        return value;
    }

    public bool? Bool(string key, YamlNode node)
    {
        var text = String(key, node);
        switch (text?.ToLowerInvariant())
        {
            case null:
                return null;
            case "true" or "yes" or "on":
                return true;
            case "false" or "no" or "off":
                return false;
            default:
                Problem(node, $"{key} is \"{text}\"; expected true or false");
                return null;
        }
    }

    public IReadOnlyList<int>? IntList(string key, YamlNode node, int min)
    {
        if (node is YamlScalarNode)
        {
            return Int(key, node, min) is { } one ? [one] : null;
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(node, $"{key} must be a list of whole numbers, e.g. [4, 8]");
            return null;
        }

        var values = list.Children.Select(child => Int(key, child, min)).ToArray();
        return values.All(v => v is not null) ? values.Select(v => v!.Value).ToArray() : null;
    }

    public IReadOnlyList<string>? StringList(string key, YamlNode node)
    {
        if (node is YamlScalarNode)
        {
            return String(key, node) is { } one ? [one] : null;
        }

        if (node is not YamlSequenceNode list)
        {
            Problem(node, $"{key} must be a value or a list of values");
            return null;
        }

        var values = list.Children.Select(child => String(key, child)).ToArray();
        return values.All(v => v is not null) ? values.Select(v => v!).ToArray() : null;
    }

    public IReadOnlyDictionary<string, string>? StringMap(string key, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            Problem(node, $"{key} must be a mapping of NAME: value lines");
            return null;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var name = ((YamlScalarNode)k).Value ?? "";
            if (String($"{key}.{name}", v) is { } value)
            {
                result[name] = value;
            }
        }

        return result;
    }

    /// <summary>Resolves a path against the YAML file's folder (absolute paths stay).</summary>
    public string? PathValue(string key, YamlNode node)
    {
        var text = String(key, node);
        return text is null ? null
            : System.IO.Path.GetFullPath(text, System.IO.Path.GetDirectoryName(
                System.IO.Path.GetFullPath(_file.Path))!); // a file path always has a folder
    }

    public Uri? Url(string key, YamlNode node)
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            Problem(node, $"{key} is \"{text}\"; expected an absolute http(s) URL");
            return null;
        }

        return uri;
    }

    public IReadOnlyList<Uri>? UrlList(string key, YamlNode node)
    {
        var children = node is YamlSequenceNode list ? list.Children.ToArray() : [node];
        var urls = children.Select(child => Url(key, child)).ToArray();
        return urls.All(u => u is not null) ? urls.Select(u => u!).ToArray() : null;
    }

    public T? Choice<T>(string key, YamlNode node, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = String(key, node);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Problem(node, $"{key} is \"{text}\"; choose one of {string.Join(", ", choices.Keys)}");
        return null;
    }

    private string? Expand(string key, YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        return VariablePattern().Replace(text, match =>
        {
            var name = match.Groups[1].Value;
            var value = Environment.GetEnvironmentVariable(name);
            if (value is null)
            {
                Problem(scalar, $"{key} uses ${{{name}}}, but the environment variable {name} "
                    + "is not set; export it or write the value directly");
                return "";
            }

            return value;
        });
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex VariablePattern();
}
