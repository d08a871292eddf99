namespace FluxPerf.Running;

/// <summary>
/// Resets a server's cache and checks that the reset worked. One implementation per kind of
/// server (vLLM's <c>/reset_prefix_cache</c>, SGLang's <c>/flush_cache</c>, LMCache, the mock).
/// </summary>
public interface ICacheController
{
    /// <summary>Resets the cache; never throws for a server's failure, which is recorded.</summary>
    /// <param name="moment">Why now: <c>before_level</c>, <c>between_rounds</c> or
    /// <c>end</c>.</param>
    /// <param name="cancellationToken">Cancels the reset and its verification.</param>
    Task<ResetOutcome> ResetAsync(string moment, CancellationToken cancellationToken);
}
