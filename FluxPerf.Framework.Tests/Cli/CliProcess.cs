using System.Diagnostics;
using FluxPerf.Client;

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
    public static string? Dll { get; } = FindDll();

    /// <summary>Skips the calling test, saying why, when the CLI has not been built.</summary>
    public static string RequireDll() => Dll ?? IgnoreMissing();

    /// <summary>Runs <c>fluxperf args…</c> in <paramref name="workingDirectory"/> and waits for
    /// it, killing it when <paramref name="ct"/> fires.</summary>
    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        CancellationToken ct,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(RequireDll());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Plain progress lines, as in CI, whatever the test runner's own environment says.
        start.Environment["CI"] = "true";

        // The test host has inline socket completions from .runsettings; a user's shell does
        // not, so the command must turn them on itself.
        start.Environment.Remove(SocketCompletions.Variable);
        using var process = Process.Start(start)!; // not null: a new process was started
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string IgnoreMissing()
    {
        Assert.Ignore("fluxperf.dll was not found: build FluxPerf.Cli in the same configuration "
            + "(the solution build does) to run the CLI tests");
        return "";
    }

    private static string? FindDll()
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testOutput).Parent?.Name ?? "Release";
        var candidates = new[]
        {
            // Default layout: <project>/bin/<Configuration>/net10.0/.
            Path.Combine(RepositoryRoot, "FluxPerf.Cli", "bin", configuration, "net10.0"),

            // Artifacts layout: <artifacts>/bin/<project>/<configuration>/.
            Path.Combine(
                testOutput, "..", "..", "FluxPerf.Cli", new DirectoryInfo(testOutput).Name),
        };
        var same = candidates.Select(c => Path.GetFullPath(Path.Combine(c, "fluxperf.dll")))
            .FirstOrDefault(File.Exists);
        return same ?? OtherBuilds().Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    private static IEnumerable<string> OtherBuilds() =>
    [
        Path.Combine(RepositoryRoot, "FluxPerf.Cli", "bin", "Release", "net10.0", "fluxperf.dll"),
        Path.Combine(RepositoryRoot, "FluxPerf.Cli", "bin", "Debug", "net10.0", "fluxperf.dll"),
        "/tmp/fp-cli/bin/FluxPerf.Cli/release/fluxperf.dll",
        "/tmp/fp-cli/bin/FluxPerf.Cli/debug/fluxperf.dll",
    ];
}

/// <summary>What a <c>fluxperf</c> process did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
