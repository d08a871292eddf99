using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration;

/// <summary>
/// A YAML file read into nodes that keep their line and column, so every message about its
/// content can point at the place to fix.
/// </summary>
internal sealed class YamlFile
{
    private YamlFile(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }

    public YamlMappingNode Root { get; }

    /// <summary>Reads the file; a syntax error or a root that is not a mapping throws a
    /// <see cref="ConfigurationException"/> naming the file, line and column.</summary>
    public static YamlFile Load(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{what} \"{path}\" does not exist; check the path");
        }

        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ConfigurationException(
                $"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {Inner(e).Message}");
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some truncated documents (an unclosed [ or { at the
            // end of the file) this way, without a position.
            throw new ConfigurationException(
                $"{path}: not valid YAML ({e.Message}); look for an unclosed [ or {{ near the end");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ConfigurationException(
                $"{path}: the {what} must be a YAML mapping (key: value lines), "
                + "not empty or a list");
        }

        return new YamlFile(path, root);
    }

    /// <summary><c>file:line:column</c> of a node, for messages.</summary>
    public string Where(YamlNode node) => $"{Path}:{node.Start.Line}:{node.Start.Column}";

    private static Exception Inner(YamlException e) => e.InnerException ?? e;
}
