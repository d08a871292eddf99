using FluxPerf.MockServer;
using MockServerHost = FluxPerf.MockServer.MockServer;

namespace FluxPerf.Tests.MockServer;

/// <summary>Starts a fast mock (1 ms delays) with test-specific changes.</summary>
internal static class MockHttpServers
{
    public static Task<MockServerHost> StartAsync(Action<MockServerOptions>? configure = null)
    {
        var options = new MockServerOptions { BaseTtftMs = 1, ItlMs = 1 };
        configure?.Invoke(options);
        return MockServerHost.StartAsync(options);
    }
}
