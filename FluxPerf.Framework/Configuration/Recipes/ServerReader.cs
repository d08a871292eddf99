using YamlDotNet.RepresentationModel;

namespace FluxPerf.Configuration.Recipes;

/// <summary>
/// Reads a <c>server:</c> section (command, args, working_dir, ready_url, timeouts).
/// </summary>
internal static class ServerReader
{
    private static readonly string[] Keys =
        ["command", "args", "working_dir", "ready_url", "startup_timeout", "stop_timeout"];

    public static ServerLaunch? Read(YamlValues values, YamlNode node)
    {
        if (node is not YamlMappingNode map)
        {
            values.Problem(node, "server must be a mapping with command, args, ready_url, …");
            return null;
        }

        foreach (var key in map.Children.Keys.Cast<YamlScalarNode>()
            .Where(k => !Keys.Contains(k.Value)))
        {
            values.Problem(key, $"unknown server setting \"{key.Value}\""
                + Suggest.DidYouMean(key.Value ?? "", Keys)
                + $"; allowed: {string.Join(", ", Keys)}");
        }

        var command = Get(map, "command") is { } c ? values.String("server.command", c) : null;
        var ready = Get(map, "ready_url") is { } r ? values.Url("server.ready_url", r) : null;
        if (command is null || ready is null)
        {
            values.Problem(node, "server needs both command and ready_url");
            return null;
        }

        return new ServerLaunch
        {
            Command = command,
            ReadyUrl = ready,
            Args = Get(map, "args") is { } a ? values.StringList("server.args", a) ?? [] : [],
            WorkingDirectory = Get(map, "working_dir") is { } w
                ? values.PathValue("server.working_dir", w)
                : Path.GetDirectoryName(Path.GetFullPath(values.File.Path)),
            StartupTimeout = Seconds(values, map, "startup_timeout") ?? TimeSpan.FromSeconds(120),
            StopTimeout = Seconds(values, map, "stop_timeout") ?? TimeSpan.FromSeconds(10),
        };
    }

    private static TimeSpan? Seconds(YamlValues values, YamlMappingNode map, string key) =>
        Get(map, key) is { } n && values.Double($"server.{key}", n) is { } s && s > 0
            ? TimeSpan.FromSeconds(s)
            : null;

    private static YamlNode? Get(YamlMappingNode map, string key) => RecipeLoader.Child(map, key);
}
