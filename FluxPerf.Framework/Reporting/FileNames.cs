namespace FluxPerf.Reporting;

/// <summary>How stage names become parts of file names in the run folder.</summary>
public static class FileNames
{
    /// <summary>
    /// Lower-case letters and digits kept, everything else a dash: <c>"A fast prefill"</c>
    /// becomes <c>a-fast-prefill</c>, safe on every file system.
    /// </summary>
    public static string Slug(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return new string(name
            .Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')
            .ToArray());
    }
}
