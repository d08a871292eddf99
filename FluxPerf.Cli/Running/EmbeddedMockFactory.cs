using FluxPerf.Configuration;
using FluxPerf.MockServer;
using FluxPerf.Running;
using MockHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Cli.Running;

/// <summary>Starts the in-process mock for a stage from its settings (--mock-option, or a
/// recipe's <c>mock_server:</c>).</summary>
internal sealed class EmbeddedMockFactory : IEmbeddedServerFactory
{
    public async Task<IEmbeddedServer> StartAsync(
        IReadOnlyDictionary<string, string> settings,
        CancellationToken cancellationToken)
    {
        if (!MockServerSettings.TryCreate(settings, out var options, out var errors))
        {
            throw new ConfigurationException(errors);
        }

        // A free loopback port: two runs (or a run beside 'fluxperf mock') never collide, and
        // nothing outside this machine can reach the mock.
        options.Host = "127.0.0.1";
        options.Port = 0;
        var mock = await MockHost.StartAsync(options, cancellationToken);
        return new Embedded(mock);
    }

    private sealed class Embedded(MockHost mock) : IEmbeddedServer
    {
        public Uri BaseAddress => mock.BaseAddress;

        public ValueTask DisposeAsync() => mock.DisposeAsync();
    }
}
