using System.Text.Json;
using System.Text.Json.Nodes;

namespace FluxPerf.Tests.Cli;

/// <summary>
/// The <c>fluxperf</c> command end to end, as a user runs it: exit codes, what reaches stdout and
/// stderr, and the files written. Few and bounded: each starts a process.
/// </summary>
[TestFixture]
[NonParallelizable]
[CancelAfter(90_000)]
public sealed class FluxPerfCommandTests : TempFolderTests
{
    [Test]
    public async Task Root_VersionAndNoArguments_PrintVersionAndEveryCommand(CancellationToken ct)
    {
        var version = await CliProcess.RunAsync(Folder, ct, "--version");
        var help = await CliProcess.RunAsync(Folder, ct);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(version.ExitCode, Is.Zero, version.ToString());
            Assert.That(version.Stdout.Trim(), Does.Match(@"^\d+\.\d+\.\d+$"), "no commit suffix");
            Assert.That(help.ExitCode, Is.Zero, help.ToString());
            foreach (var command in new[] { "run", "mock", "compare", "convert", "generate" })
            {
                Assert.That(help.Stdout, Does.Contain($"  {command} "), command);
            }
        }
    }

    [Test]
    public async Task Run_FlagsAgainstEmbeddedMock_PrintsEachLevelAndWritesResults(
        CancellationToken ct)
    {
        var dataset = Path.Combine(
            CliProcess.RepositoryRoot, "examples", "datasets", "quickstart.jsonl");

        var result = await CliProcess.RunAsync(Folder, ct, "run", "--mock-server",
            "--dataset", dataset, "--concurrency", "1", "2", "--num-samples", "2", "4",
            "--max-output-tokens", "8", "--reset-cache-between-rounds", "--output-dir", "out",
            "--mock-option", "itl_ms=1", "--mock-option", "base_ttft_ms=1");

        var runFolder = Directory.GetDirectories(Path.Combine(Folder, "out")).Single();
        var results = JsonNode.Parse(await File.ReadAllTextAsync(
            Path.Combine(runFolder, "results.json"), ct))!;
        var levels = results["stages"]![0]!["levels"]!.AsArray();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Stdout, Does.Contain("== default · c=1 · n=2 =="));
            Assert.That(result.Stdout, Does.Contain("== default · c=2 · n=4 =="));
            Assert.That(result.Stdout, Does.Contain("round 2: 4/4 done, 0 errors"),
                "progress line");
            Assert.That(result.Stdout, Does.Contain($"Results: {runFolder}"));
            Assert.That(levels.Select(l => (int)l!["concurrency"]!), Is.EqualTo(new[] { 1, 2 }));
            Assert.That((string)levels[0]!["resets"]![0]!["moment"]!, Is.EqualTo("between_rounds"),
                "the reset went to the embedded mock");
            Assert.That(result.Stderr, Does.Contain("Run folder"), "logs go to stderr");
            Assert.That((string?)results["socket_completions"], Is.EqualTo("inline"),
                "the command turns inline socket completions on for itself");
        }
    }

    [Test]
    public async Task Run_RecipeWithUnmeetableSlo_ExitsOneAndNamesEachBreach(CancellationToken ct)
    {
        var examples = Path.Combine(CliProcess.RepositoryRoot, "examples");

        var result = await CliProcess.RunAsync(Folder, ct, "run",
            "--recipe", Path.Combine(examples, "recipe_quickstart.yaml"),
            "--slo-file", Path.Combine(examples, "slo_unmeetable.yaml"),
            "--concurrency", "2", "--num-samples", "4", "--output-dir", Folder);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
            Assert.That(result.Stdout,
                Does.Contain("SLO BREACH quickstart c=2: ttft_ms p50 (round 2)"));
            Assert.That(result.Stdout,
                Does.Contain("SLO BREACH quickstart c=2: output_token_throughput (round 2)"));
            Assert.That(result.Stdout, Does.Not.Contain("SLO BREACH quickstart c=2: error_rate"),
                "a gate that held is not a breach");
        }
    }

    [Test]
    public async Task Run_BadInput_ExitsTwoWithTheBadValueAndNoStackTrace(CancellationToken ct)
    {
        var badMode = await CliProcess.RunAsync(Folder, ct, "run", "--mode", "dual-round");
        var missing = await CliProcess.RunAsync(Folder, ct, "run", "--mock-server",
            "--dataset", "no-such.jsonl", "--reset-verification", "strict");
        var typo = await CliProcess.RunAsync(Folder, ct, "rnu");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(badMode.ExitCode, Is.EqualTo(2), badMode.ToString());
            Assert.That(badMode.Stderr, Does.Contain("'dual-round'").And.Contain("dual_round")
                .And.Contain("multi_turn"), "quotes the value and lists the choices");
            Assert.That(missing.ExitCode, Is.EqualTo(2), missing.ToString());
            Assert.That(missing.Stderr, Does.Contain("no-such.jsonl"));
            Assert.That(missing.Stderr + missing.Stdout, Does.Not.Contain("   at "),
                "no stack trace");
            Assert.That(typo.ExitCode, Is.EqualTo(2), typo.ToString());
            Assert.That(typo.Stdout + typo.Stderr, Does.Contain("run"), "suggests the near miss");
        }
    }

    [Test]
    public async Task Compare_GateFlipsBetweenRuns_ShowsChangeFlipAndCsv(CancellationToken ct)
    {
        var a = WriteResults("a", ttftP50: 10, gatePassed: true);
        var b = WriteResults("b", ttftP50: 15, gatePassed: false);
        var bad = Path.Combine(Folder, "not-results.json");
        await File.WriteAllTextAsync(bad, "{\"hello\": 1}", ct);

        var result = await CliProcess.RunAsync(Folder, ct, "compare", a, b, "--output", "cmp.csv");
        var invalid = await CliProcess.RunAsync(Folder, ct, "compare", a, bad);

        var csv = await File.ReadAllLinesAsync(Path.Combine(Folder, "cmp.csv"), ct);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExitCode, Is.Zero, result.ToString());
            Assert.That(result.Stdout, Does.Contain("== s · c=4 =="));
            Assert.That(result.Stdout, Does.Match(@"ttft_ms\s+p50\s+.*\+50\.0%"),
                "B is 50 % slower");
            Assert.That(result.Stdout,
                Does.Contain("TTFT speedup p50 (round 1 / round 2): A 4.00x, B 2.67x"));
            Assert.That(result.Stdout, Does.Contain("ttft_ms p50 (round 2): passed (10.000) in A, "
                + "FAILED (15.000) in B"));
            Assert.That(result.Stdout, Does.Contain("Only in A: s c=8"));
            Assert.That(csv, Does.Contain("s,4,metric,ttft_ms,p50,2,10,15,50,,"));
            Assert.That(invalid.ExitCode, Is.EqualTo(2), invalid.ToString());
            Assert.That(invalid.Stderr,
                Does.Contain("not-results.json").And.Contain("not a FluxPerf"));
        }
    }

    private string WriteResults(string name, double ttftP50, bool gatePassed)
    {
        var level = (int concurrency) => new JsonObject
        {
            ["stage"] = "s",
            ["concurrency"] = concurrency,
            ["comparison"] = new JsonObject
            {
                ["ttft_speedup_p50"] = 40 / ttftP50,
                ["ttft_speedup_mean"] = null,
                ["rows"] = new JsonArray(new JsonObject
                {
                    ["metric"] = "ttft_ms", ["stat"] = "p50", ["round1"] = 40.0,
                    ["round2"] = ttftP50, ["change_pct"] = null,
                }),
            },
            ["slo"] = new JsonObject
            {
                ["passed"] = gatePassed,
                ["gates"] = new JsonArray(new JsonObject
                {
                    ["name"] = "ttft_ms p50 (round 2)", ["passed"] = gatePassed,
                    ["actual"] = ttftP50,
                }),
            },
        };
        var levels = name == "a" ? new JsonArray(level(4), level(8)) : new JsonArray(level(4));
        var root = new JsonObject
        {
            ["run_id"] = name,
            ["stages"] = new JsonArray(new JsonObject { ["name"] = "s", ["levels"] = levels }),
        };
        var folder = Path.Combine(Folder, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), root.ToJsonString(JsonOptions));
        return folder;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
