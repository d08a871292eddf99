using System.Net;
using System.Net.Sockets;
using FluxPerf.Configuration;
using FluxPerf.Configuration.Recipes;
using FluxPerf.MockServer;
using FluxPerf.Running;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.Running;

[TestFixture]
[NonParallelizable]
[CancelAfter(180_000)]
public sealed class StageHostTests : TempFolderTests
{
    [Test]
    public async Task Start_StageEnvironment_ReachesTheEmbeddedMockAndIsRestoredAfter()
    {
        const string Variable = "FLUXPERF_MOCK_PREFILL_MS_PER_TOKEN";
        var before = Environment.GetEnvironmentVariable(Variable);
        var dataset = EngineFixture.WriteDataset(Folder, 6);
        var fast = Stage("fast", dataset, "0.02");
        var slow = Stage("slow", dataset, "0.4");

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        var fastTtft = await Round1TtftAsync(run, fast);
        var slowTtft = await Round1TtftAsync(run, slow);

        using (Assert.EnterMultipleScope())
        {
            // The dataset's entries share a long prefix, so only the first requests of round 1
            // are cold: their ~480 uncached tokens cost ~190 ms at 0.4 ms, ~10 ms at 0.02 ms.
            Assert.That(slowTtft, Is.GreaterThan(fastTtft * 2), "the stage's env changed the mock");
            Assert.That(Environment.GetEnvironmentVariable(Variable), Is.EqualTo(before));
        }
    }

    [Test]
    public async Task Start_ServerLaunch_WaitsUntilReadyRunsAndStopsIt()
    {
        var port = FreePort();
        var mockDll = typeof(MockServerHost).Assembly.Location;
        var stage = new RecipeStage
        {
            Config = new BenchmarkConfig
            {
                StageName = "launched",
                DatasetPath = EngineFixture.WriteDataset(Folder, 4),
                Endpoint = new Uri($"http://127.0.0.1:{port}/v1/chat/completions"),
                ConcurrencyLevels = [2],
                NumSamples = [4],
                MaxOutputTokens = 4,
                OutputDirectory = Folder,
            },
            Server = new ServerLaunch
            {
                Command = "dotnet",
                Args = [mockDll, "--port",
                    port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                ReadyUrl = new Uri($"http://127.0.0.1:{port}/health"),
                StartupTimeout = TimeSpan.FromSeconds(60),
            },
        };

        using var run = BenchmarkRun.Create(new RunOptions { OutputDirectory = Folder });
        await using (var host = await StageHost.StartAsync(
            stage, null, run.Folder, false, CancellationToken.None))
        {
            var level = await run.RunLevelAsync(host.Config, 0);
            Assert.That(level.Round1.Statistics.Succeeded, Is.EqualTo(4));
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        Assert.That(async () => await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health")),
            Throws.InstanceOf<HttpRequestException>(), "the server was stopped with the stage");
        Assert.That(File.ReadAllText(Path.Combine(run.Folder, "server-launched.log")),
            Does.Contain("listening"));
    }

    private static RecipeStage Stage(string name, string dataset, string prefillMsPerToken) => new()
    {
        Config = new BenchmarkConfig
        {
            StageName = name,
            DatasetPath = dataset,
            ConcurrencyLevels = [2],
            NumSamples = [6],
            MaxOutputTokens = 4,
        },
        Environment = new Dictionary<string, string>
        {
            ["FLUXPERF_MOCK_PREFILL_MS_PER_TOKEN"] = prefillMsPerToken,
            ["FLUXPERF_MOCK_ITL_MS"] = "1",
        },
        MockServer = new Dictionary<string, string>(),
    };

    private static async Task<double> Round1TtftAsync(BenchmarkRun run, RecipeStage stage)
    {
        await using var host = await StageHost.StartAsync(
            stage, new MockFactory(), run.Folder, false, CancellationToken.None);
        var level = await run.RunLevelAsync(host.Config, 0);
        return level.Round1.Statistics.TtftMs!.Max;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class MockFactory : IEmbeddedServerFactory
    {
        public async Task<IEmbeddedServer> StartAsync(
            IReadOnlyDictionary<string, string> settings,
            CancellationToken cancellationToken)
        {
            Assert.That(
                MockServerSettings.TryCreate(settings, out var options, out var errors),
                Is.True,
                string.Join("; ", errors));
            return new Embedded(await MockServerHost.StartAsync(options, cancellationToken));
        }

        private sealed class Embedded(MockServerHost mock) : IEmbeddedServer
        {
            public Uri BaseAddress => mock.BaseAddress;

            public ValueTask DisposeAsync() => mock.DisposeAsync();
        }
    }
}
