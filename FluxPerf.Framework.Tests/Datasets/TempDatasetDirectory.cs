using System.Text;

namespace FluxPerf.Tests.Datasets;

/// <summary>A scratch folder for dataset files a test writes itself; deleted on dispose.</summary>
internal sealed class TempDatasetDirectory : IDisposable
{
    public TempDatasetDirectory()
    {
        Path = System.IO.Path.Combine(
            System.IO.Path.GetTempPath(),
            "fluxperf-datasets-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// Writes UTF-8 text without BOM and with LF line ends, as most datasets are.
    /// </summary>
    public string Write(string fileName, string content)
    {
        var file = System.IO.Path.Combine(Path, fileName);
        File.WriteAllText(file, content.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        return file;
    }

    /// <summary>Writes one line per item.</summary>
    public string WriteLines(string fileName, params string[] lines)
    {
        return Write(fileName, string.Join("\n", lines) + "\n");
    }

    public void Dispose()
    {
        Directory.Delete(Path, recursive: true);
    }
}
