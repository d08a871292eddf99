namespace FluxPerf.Tests.Benchmarks;

/// <summary>
/// The documented performance command still runs end to end: mock process, streaming level,
/// socket floor, engine overhead and the analysis child. It checks what the tables say, never
/// how fast anything was.
/// </summary>
[TestFixture]
[Category("Harness")]
[NonParallelizable]
[CancelAfter(240_000)]
public sealed class HarnessSmokeTests : TempFolderTests
{
    [Test]
    public async Task Harness_QuickRunAtC64_PrintsEveryTableAndMatchesEveryTrace(
        CancellationToken ct)
    {
        var dll = BuiltProgram.Find("FluxPerf.Benchmarks", "FluxPerf.Benchmarks.dll");
        if (dll is null)
        {
            Assert.Ignore("FluxPerf.Benchmarks.dll was not found: build FluxPerf.Benchmarks in "
                + "the same configuration (the solution build does) to run this test");
        }

        var run = await BuiltProgram.RunAsync(dll, Folder, ct, "--quick", "--levels", "64",
            "--tokens", "20", "--records", "2000", "--no-write", "--repo", RepositoryPaths.Root);

        var tables = run.Stdout;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(run.ExitCode, Is.Zero, run.ToString());
            Assert.That(tables, Does.Contain("**Cost per streamed token**"));
            Assert.That(tables, Does.Contain("| 64 | 128/128 |"), "every request succeeded");
            Assert.That(tables, Does.Contain("**Socket floor**"));
            Assert.That(tables, Does.Contain("**Analysis of 2,000 records**"));
            Assert.That(tables, Does.Contain("client CPU ≤ 5 µs/token at c=64"));

            // Each compared trace had the same events at the client as in the mock's journal.
            Assert.That(tables, Does.Contain("| 64 | 128 |"));
            Assert.That(tables, Does.Not.Contain(" mismatched)"));
            Assert.That(Directory.EnumerateFileSystemEntries(Folder), Is.Empty,
                "--no-write leaves no files behind");
        }
    }
}
