namespace FluxPerf.Configuration;

/// <summary>
/// A configuration (flags, recipe, SLO file) that cannot run. Carries every problem found, so a
/// user fixes them all in one pass rather than one per attempt.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems.</summary>
    public ConfigurationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public ConfigurationException(string problem)
        : this([problem])
    {
    }

    /// <summary>Creates an exception with no listed problem.</summary>
    public ConfigurationException()
        : this("the configuration is not valid")
    {
    }

    /// <summary>Creates the exception for a single problem with its cause.</summary>
    public ConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string Format(IReadOnlyList<string> problems) => problems.Count == 1
        ? problems[0]
        : $"{problems.Count} configuration problems:{Environment.NewLine}  - "
            + string.Join(Environment.NewLine + "  - ", problems);
}
