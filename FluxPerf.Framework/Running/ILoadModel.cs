namespace FluxPerf.Running;

/// <summary>
/// Decides when each unit of work (a request, or a whole multi-turn session) starts. The runner
/// records the moment a unit was scheduled as well as when it was sent, so a load model that
/// falls behind shows up as schedule lag instead of silently shrinking latencies.
/// </summary>
public interface ILoadModel
{
    /// <summary>A short description for reports, e.g. <c>closed-loop c=8</c>.</summary>
    string Describe();

    /// <summary>
    /// Runs every item through <paramref name="execute"/>, passing the monotonic timestamp at
    /// which the item was scheduled. Stops starting items when <paramref name="cancellationToken"/>
    /// is cancelled, and returns when every started item has finished.
    /// </summary>
    Task RunAsync<T>(
        IReadOnlyList<T> items,
        Func<T, long, Task> execute,
        CancellationToken cancellationToken);
}
