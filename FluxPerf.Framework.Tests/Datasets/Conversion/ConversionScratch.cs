using System.Text;
using System.Text.Json;
using NUnit.Framework;

namespace FluxPerf.Tests.Datasets.Conversion;

/// <summary>
/// A temp folder for converter inputs and outputs, plus readers for the JSONL written.
/// </summary>
internal sealed class ConversionScratch : IDisposable
{
    public ConversionScratch()
    {
        Folder = Path.Combine(Path.GetTempPath(), "fluxperf-conv-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, string content)
    {
        var path = PathOf(name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }

    /// <summary>The JSONL lines of <paramref name="path"/>, each parsed.</summary>
    public static List<JsonElement> ReadJsonl(string path) =>
        File.ReadAllLines(path, Encoding.UTF8)
            .Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .ToList();

    public static List<string> Strings(JsonElement entry, string property) =>
        entry.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The repository's TestData folder.</summary>
    public static string TestData(params string[] parts) =>
        RepositoryPaths.Combine(["FluxPerf.Framework.Tests", "TestData", .. parts]);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
