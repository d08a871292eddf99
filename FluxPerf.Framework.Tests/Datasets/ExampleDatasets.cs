namespace FluxPerf.Tests.Datasets;

/// <summary>Finds the real dataset samples in the repository's <c>examples/datasets</c>.</summary>
internal static class ExampleDatasets
{
    public static string PathOf(string fileName) =>
        RepositoryPaths.Combine("examples", "datasets", fileName);
}
