using System.Diagnostics;
using System.Text.Json;
using FluxPerf.Reporting;
using FluxPerf.Running;

namespace FluxPerf.Tests.Cli;

[TestFixture]
[CancelAfter(120_000)]
public sealed class KilledRunTests
{
    [Test]
    public async Task Run_KilledMidRound_LeavesEveryFinishedRequestAsAValidLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fluxperf-killed",
            Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] args =
        [
            CliProcess.RequireDll(), "run", "--mock-server",
            "--dataset", Path.Combine(
                CliProcess.RepositoryRoot, "examples/datasets/quickstart.jsonl"),
            "--concurrency", "2", "--num-samples", "24", "--max-output-tokens", "30",
            "--mock-option", "itl_ms=10", "--output-dir", folder,
        ];
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["CI"] = "true";
        using var process = Process.Start(start)!; // not null: a new process was started
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();

        var log = await WaitForLinesAsync(folder, atLeast: 4, TimeSpan.FromSeconds(60));

        // SIGKILL: no handler runs, nothing is flushed on the way out. Whatever is on disk
        // now is what a crash or an OOM kill would leave.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();

        var lines = File.ReadAllLines(log);
        var records = lines
            .Select(l => JsonSerializer.Deserialize<RequestRecord>(l, ReportJson.Lines)!)
            .ToArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(records, Has.Length.GreaterThanOrEqualTo(4));
            Assert.That(records, Has.Length.LessThan(48), "the run was stopped before its end");
            Assert.That(records.All(r => r.Status == "ok" && r.TtftMs > 0), Is.True);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static async Task<string> WaitForLinesAsync(
        string folder,
        int atLeast,
        TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var log = Directory.GetFiles(folder, "requests.jsonl", SearchOption.AllDirectories)
                .FirstOrDefault();
            if (log is not null && CountLines(log) >= atLeast)
            {
                return log;
            }

            await Task.Delay(50);
        }

        Assert.Fail(
            $"requests.jsonl did not reach {atLeast} lines within {timeout.TotalSeconds} s");
        return "";
    }

    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read,
            FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }
}
