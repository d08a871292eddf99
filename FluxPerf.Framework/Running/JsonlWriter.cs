using System.Buffers;
using System.Text.Json;

namespace FluxPerf.Running;

/// <summary>
/// Appends one JSON object per line, each line handed to the OS in a single write as soon as it
/// is appended, so a crash, a kill or Ctrl+C loses nothing already appended and leaves no half
/// line. Safe for concurrent writers.
/// </summary>
public sealed class JsonlWriter : IDisposable
{
    private readonly FileStream _stream;
    private readonly JsonSerializerOptions _options;
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _json;
    private readonly Lock _gate = new();

    /// <summary>Opens (appending) or creates the file.</summary>
    public JsonlWriter(string path, JsonSerializerOptions options)
    {
        Path = path;
        _options = options;

        // One writer for every line, reset onto the emptied buffer, saving an allocation and
        // its setup per request. The writer, not the serializer options, decides escaping:
        // carry the options' encoder over so the lines read the same as the other result files.
        _json = new Utf8JsonWriter(_buffer,
            new JsonWriterOptions { Encoder = options.Encoder, Indented = false });

        // No FileStream buffer: every line goes to the OS in one write() of its own, which a
        // killed process cannot leave half done, and which survives the process at once. A
        // per-line fsync would cost milliseconds per request for protection only against
        // power loss.
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read,
            bufferSize: 0);
    }

    /// <summary>The file written.</summary>
    public string Path { get; }

    /// <summary>Serialises <paramref name="value"/> as one line and writes it to the OS.</summary>
    public void Append<T>(T value)
    {
        lock (_gate)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            JsonSerializer.Serialize(_json, value, _options);
            _json.Flush();

            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            _stream.Write(_buffer.WrittenSpan);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _json.Dispose();
            _stream.Dispose();
        }
    }
}
