using System.Text.Json;

namespace FluxPerf.Running;

/// <summary>
/// Appends one JSON object per line and flushes after each, so a crash, a kill or Ctrl+C loses
/// nothing already written. Safe for concurrent writers.
/// </summary>
public sealed class JsonlWriter : IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];
    private readonly FileStream _stream;
    private readonly JsonSerializerOptions _options;
    private readonly Lock _gate = new();

    /// <summary>Opens (appending) or creates the file.</summary>
    public JsonlWriter(string path, JsonSerializerOptions options)
    {
        Path = path;
        _options = options;
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>Serialises <paramref name="value"/> as one line and flushes it to the OS.</summary>
    public void Append<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, _options);
        lock (_gate)
        {
            _stream.Write(bytes);
            _stream.Write(NewLine);

            // Flushing to the OS (not to the disk) is what survives a killed process; a per-line
            // fsync would cost milliseconds per request for protection only against power loss.
            _stream.Flush(flushToDisk: false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _stream.Dispose();
        }
    }
}
