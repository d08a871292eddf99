namespace FluxPerf.Cli;

/// <summary>The exit codes of every <c>fluxperf</c> command (docs/cli.md lists them).</summary>
internal static class ExitCodes
{
    /// <summary>Everything ran and every SLO gate held.</summary>
    public const int Ok = 0;

    /// <summary>A run failed, a round failed every request, or an SLO gate was breached.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, a bad recipe, SLO file, dataset or results file.</summary>
    public const int UsageError = 2;

    /// <summary>Cancelled with Ctrl+C (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
