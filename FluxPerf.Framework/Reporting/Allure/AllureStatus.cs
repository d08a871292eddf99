namespace FluxPerf.Reporting.Allure;

/// <summary>The outcome of a test case or step, as Allure shows it.</summary>
public enum AllureStatus
{
    /// <summary>Everything held.</summary>
    Passed,

    /// <summary>A check failed: an SLO gate was breached or an assertion did not hold.</summary>
    Failed,

    /// <summary>Something unexpected went wrong (server error, FluxPerf error).</summary>
    Broken,

    /// <summary>Not run.</summary>
    Skipped,
}
