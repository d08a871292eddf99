using Microsoft.Extensions.Hosting;

namespace FluxPerf.MockServer;

/// <summary>
/// A host lifetime that ignores console signals: the process that embeds the mock decides when
/// it stops, by disposing it.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        return Task.CompletedTask;
    }
}
