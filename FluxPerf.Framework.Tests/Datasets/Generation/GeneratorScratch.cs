namespace FluxPerf.Tests.Datasets.Generation;

/// <summary>A temp folder for generated workloads; deleted on dispose.</summary>
internal sealed class GeneratorScratch : IDisposable
{
    public GeneratorScratch()
    {
        Folder = Path.Combine(Path.GetTempPath(), "fluxperf-gen-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
