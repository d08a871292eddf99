namespace FluxPerf.Tests.Cli;

/// <summary>
/// Runs the built <c>fluxperf</c> command (FluxPerf.Cli's fluxperf.dll) as a child process.
/// This test project does not reference the CLI, so the DLL is found in the output tree of the
/// same build: the solution build (<c>FluxPerf.Cli/bin/&lt;config&gt;/net10.0</c>) or an
/// artifacts path (<c>&lt;artifacts&gt;/bin/FluxPerf.Cli/&lt;config&gt;</c>).
/// </summary>
internal static class CliProcess
{
    /// <summary>The repository root, from this file's path at build time.</summary>
    public static string RepositoryRoot => RepositoryPaths.Root;

    /// <summary>The fluxperf.dll to run, or <c>null</c> when the CLI has not been built.</summary>
    public static string? Dll { get; } = BuiltProgram.Find("FluxPerf.Cli", "fluxperf.dll");

    /// <summary>Skips the calling test, saying why, when the CLI has not been built.</summary>
    public static string RequireDll() => Dll ?? IgnoreMissing();

    /// <summary>Runs <c>fluxperf args…</c> in <paramref name="workingDirectory"/> and waits for
    /// it, killing it when <paramref name="ct"/> fires.</summary>
    public static Task<CliResult> RunAsync(
        string workingDirectory,
        CancellationToken ct,
        params string[] args) =>
        BuiltProgram.RunAsync(RequireDll(), workingDirectory, ct, args);

    private static string IgnoreMissing()
    {
        Assert.Ignore("fluxperf.dll was not found: build FluxPerf.Cli in the same configuration "
            + "(the solution build does) to run the CLI tests");
        return "";
    }
}
