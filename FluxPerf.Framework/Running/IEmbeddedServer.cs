namespace FluxPerf.Running;

/// <summary>A server FluxPerf runs in-process for a stage (the mock), from its settings.</summary>
public interface IEmbeddedServer : IAsyncDisposable
{
    /// <summary>The server's base address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri BaseAddress { get; }
}

/// <summary>Starts embedded servers; the host (CLI, NUnit) supplies the mock behind it.</summary>
public interface IEmbeddedServerFactory
{
    /// <summary>Starts a server with the given settings (a recipe's <c>mock_server:</c> section);
    /// throws <see cref="Configuration.ConfigurationException"/> for bad settings.</summary>
    Task<IEmbeddedServer> StartAsync(
        IReadOnlyDictionary<string, string> settings,
        CancellationToken cancellationToken);
}
