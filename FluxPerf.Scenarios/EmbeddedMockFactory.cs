using FluxPerf.Configuration;
using FluxPerf.MockServer;
using FluxPerf.Running;

namespace FluxPerf.Scenarios;

/// <summary>Starts the embedded mock for a stage from its <c>mock_server:</c> settings.</summary>
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

        // Port 0 picks a free loopback port, so parallel CI jobs never collide.
        options.Host = "127.0.0.1";
        options.Port = 0;
        var mock = await MockServer.MockServer.StartAsync(options, cancellationToken);
        return new Embedded(mock);
    }

    private sealed class Embedded(MockServer.MockServer mock) : IEmbeddedServer
    {
        public Uri BaseAddress => mock.BaseAddress;

        public ValueTask DisposeAsync() => mock.DisposeAsync();
    }
}
