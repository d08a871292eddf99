using System.Diagnostics;

namespace FluxPerf.Tests.Reporting.Allure;

/// <summary>
/// Finds and runs the Allure 3 command line (npm package <c>allure</c>): the path in the
/// ALLURE_CLI environment variable, else <c>allure</c> on PATH. Nothing is downloaded here.
/// </summary>
internal sealed class AllureCli(string path)
{
    public const string Variable = "ALLURE_CLI";

    public string Path { get; } = path;

    public static AllureCli? Find()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured) ? new AllureCli(configured) : null;
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "allure"))
            .FirstOrDefault(File.Exists);
        return onPath is null ? null : new AllureCli(onPath);
    }

    /// <summary>Runs the CLI; the whole process tree is killed when the token fires.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(
        string workingDirectory,
        CancellationToken cancellationToken,
        params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No colour codes in the captured output, and no browser.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["FORCE_COLOR"] = "0";

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"could not start {Path}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
