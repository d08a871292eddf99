using System.Diagnostics;
using FluxPerf.Client;

namespace FluxPerf.Tests;

/// <summary>
/// Finds the output DLL of a solution project this test project does not reference (the
/// fluxperf command, the benchmark harness), built in the same configuration: the solution
/// build's layout (<c>&lt;project&gt;/bin/&lt;config&gt;/net10.0</c>) or an artifacts path
/// (<c>&lt;artifacts&gt;/bin/&lt;project&gt;/&lt;config&gt;</c>).
/// </summary>
internal static class BuiltProgram
{
    /// <summary>The DLL's full path, or <c>null</c> when the project has not been built.
    /// </summary>
    public static string? Find(string project, string dll)
    {
        var testOutput = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var configuration = new DirectoryInfo(testOutput).Parent?.Name ?? "Release";
        var candidates = new[]
        {
            Path.Combine(RepositoryPaths.Root, project, "bin", configuration, "net10.0"),
            Path.Combine(testOutput, "..", "..", project, new DirectoryInfo(testOutput).Name),
        };
        var same = candidates.Select(c => Path.GetFullPath(Path.Combine(c, dll)))
            .FirstOrDefault(File.Exists);

        // A build in the other configuration still tests the same sources.
        return same ?? ((string[])["Release", "Debug"])
            .Select(c => Path.Combine(RepositoryPaths.Root, project, "bin", c, "net10.0", dll))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    /// <summary>Runs <c>dotnet dll args…</c> in <paramref name="workingDirectory"/> and waits
    /// for it, killing it when <paramref name="ct"/> fires.</summary>
    public static async Task<CliResult> RunAsync(
        string dll,
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
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Plain progress lines, as in CI, whatever the test runner's own environment says.
        start.Environment["CI"] = "true";

        // The test host has inline socket completions from .runsettings; a user's shell does
        // not, so the programs must turn them on themselves.
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
}

/// <summary>What a child process did.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
