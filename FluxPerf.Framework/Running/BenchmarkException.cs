namespace FluxPerf.Running;

/// <summary>A run that could not produce results: an unreachable endpoint, a strict reset that
/// failed. The message says what happened and what to check.</summary>
public sealed class BenchmarkException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BenchmarkException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public BenchmarkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public BenchmarkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
