namespace FluxPerf.Cli;

/// <summary>
/// Ctrl+C: the first press cancels the token (the run stops sending and lets requests in
/// flight finish, so their records are written); a second press ends the process at once.
/// </summary>
internal sealed class CancelKeyHandler : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <summary>Starts listening for Ctrl+C.</summary>
    public CancelKeyHandler()
    {
        Console.CancelKeyPress += OnCancelKeyPress;
    }

    /// <summary>Cancelled by the first Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancelKeyPress;
        _source.Dispose();
    }

    private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        Console.Error.WriteLine("Stopping (a run sends no new request and lets those in flight "
            + "finish). Press Ctrl+C again to stop at once.");
        _source.Cancel();
    }
}
