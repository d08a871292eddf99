namespace FluxPerf.Datasets;

/// <summary>
/// A dataset file cannot be used, or a request for sessions cannot be met; the message names the
/// file and the line or entry, says what was wrong and what is expected.
/// </summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates an exception with a default message.</summary>
    public DatasetException()
        : base("The dataset cannot be used.")
    {
    }

    /// <summary>Creates an exception with the given message.</summary>
    /// <param name="message">What was wrong, where, and what is expected.</param>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with the given message and the error that caused it.</summary>
    /// <param name="message">What was wrong, where, and what is expected.</param>
    /// <param name="innerException">The underlying error, e.g. a <c>JsonException</c>.</param>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
