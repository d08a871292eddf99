using FluxPerf.Running;

namespace FluxPerf.Cli.Running;

/// <summary>Shows the rounds of one level while it runs.</summary>
internal interface IProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with a progress sink shown while it runs.</summary>
    Task<T> ShowAsync<T>(Func<IProgress<RoundProgress>, Task<T>> work);

    /// <summary>Writes report text (a level's table, the closing lines) to stdout.</summary>
    void Write(string text);
}
