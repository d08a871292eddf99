using System.Reflection;

namespace FluxPerf.Datasets.Conversion;

/// <summary>Reads text files embedded from <c>Datasets/Resources</c>.</summary>
internal static class EmbeddedText
{
    /// <summary>Reads the resource whose path under <c>Datasets/Resources</c> is
    /// <paramref name="relativePath"/>, e.g. <c>LongBench/v1/dataset2prompt.json</c>.</summary>
    public static string Read(string relativePath)
    {
        var assembly = typeof(EmbeddedText).Assembly;
        var name = "FluxPerf.Datasets.Resources." + relativePath.Replace('/', '.');
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{name}' is missing from {assembly.GetName().Name}; "
                + "the build must embed Datasets/Resources/**.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
