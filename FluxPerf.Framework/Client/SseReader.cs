using System.Buffers;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace FluxPerf.Client;

/// <summary>
/// An incremental reader of a <c>text/event-stream</c> body (WHATWG HTML, "Server-sent events",
/// §9.2.6 "Interpreting an event stream") over pooled buffers. It exists instead of the BCL
/// <c>SseParser</c> because a benchmark must know two things that parser hides: the moment the
/// bytes of each event were read, and whether the stream ended in the middle of an event.
/// </summary>
internal sealed class SseReader : IDisposable
{
    // Holds a dozen typical events (300-400 bytes with usage) and what HttpClient's 4 KB
    // connection buffer hands over in one read; the buffer grows (doubling) for longer lines,
    // so no event size can stall or break the reader. Two of these live per stream in flight.
    internal const int DefaultInitialBufferSize = 4 * 1024;

    // A line this long is not an SSE event any server means to send; stop rather than exhaust
    // memory.
    private const int MaxBufferSize = 256 * 1024 * 1024;

    private readonly Stream _stream;
    private readonly ArrayPool<byte> _pool;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _scanned;
    private byte[] _data;
    private int _dataLength;
    private bool _hasData;
    private bool _eventPending;
    private bool _skipLineFeed;
    private bool _endOfStream;
    private long _lastReadTimestamp;

    /// <summary>Creates a reader over buffers from <paramref name="pool"/> (the shared pool when
    /// null); <paramref name="initialBufferSize"/> is small only in tests, to exercise the
    /// growth and compaction paths.</summary>
    public SseReader(
        Stream stream,
        int initialBufferSize = DefaultInitialBufferSize,
        ArrayPool<byte>? pool = null)
    {
        _stream = stream;
        _pool = pool ?? ArrayPool<byte>.Shared;
        _buffer = _pool.Rent(initialBufferSize);
        _data = _pool.Rent(initialBufferSize);
    }

    /// <summary>The data of the current event (data lines joined by LF); valid until the next
    /// call to <see cref="ReadEventAsync"/>.</summary>
    public ReadOnlyMemory<byte> Data => _data.AsMemory(0, _dataLength);

    /// <summary>The <c>event:</c> field of the current event, when it had one.</summary>
    public string? EventType { get; private set; }

    /// <summary>When the read that completed the current event returned.</summary>
    public long ArrivalTimestamp { get; private set; }

    /// <summary>When the end of the stream was read.</summary>
    public long EndTimestamp { get; private set; }

    /// <summary>True when the stream ended with a partial line or an undispatched event, which
    /// means the sender stopped mid-event.</summary>
    public bool EndedMidEvent { get; private set; }

    // A pooled state machine: this method suspends once per event that is not yet in the
    // buffer, and each suspension otherwise allocates a box (about 80 bytes per token, measured
    // by FluxPerf.Benchmarks). Callers await each call once, as pooling needs.

    /// <summary>Reads up to the next dispatched event; false at the end of the stream.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReadEventAsync(CancellationToken cancellationToken)
    {
        _dataLength = 0;
        _hasData = false;
        EventType = null;

        while (true)
        {
            while (TryTakeLine(out var lineStart, out var lineLength))
            {
                if (ProcessLine(_buffer.AsSpan(lineStart, lineLength)))
                {
                    // Stamped with the read that delivered the event's closing blank line, not
                    // the time parsing reached it: events that arrived together are reported as
                    // arriving together, and parsing cost never leaks into ITL.
                    ArrivalTimestamp = _lastReadTimestamp;
                    return true;
                }
            }

            if (_endOfStream)
            {
                if (_hasData && _start == _end)
                {
                    // Every line arrived whole and only the closing blank line is missing: a
                    // sloppy sender, not a cut connection (a cut rarely falls exactly between
                    // lines), so the event is kept rather than the request failed.
                    _eventPending = false;
                    ArrivalTimestamp = _lastReadTimestamp;
                    return true;
                }

                // §9.2.6: "Once the end of the file is reached, any pending data must be
                // discarded" — and a benchmark must also know it happened.
                EndedMidEvent = _eventPending || _end > _start;
                EndTimestamp = _lastReadTimestamp;
                return false;
            }

            // The read is awaited here rather than in a helper: one state machine per event
            // instead of two, on the path every streamed token takes.
            MakeRoom();
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);

            // The arrival moment of everything in this read: taken before any parsing.
            _lastReadTimestamp = Timestamps.Now();
            _end += read;
            _endOfStream = read == 0;
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _pool.Return(_buffer);
        _pool.Return(_data);
        _buffer = [];
        _data = [];
    }

    private bool TryTakeLine(out int lineStart, out int lineLength)
    {
        if (_skipLineFeed && _start < _end)
        {
            // §9.2.5: a line ends with CRLF, LF or CR; a CR that ended the previous read may be
            // the first half of a CRLF split across two reads.
            _skipLineFeed = false;
            if (_buffer[_start] == (byte)'\n')
            {
                _start++;
                _scanned = _start;
            }
        }

        lineStart = _start;
        var offset = _buffer.AsSpan(_scanned, _end - _scanned).IndexOfAny((byte)'\r', (byte)'\n');
        if (offset < 0)
        {
            // Remember how far we looked so a long line is scanned once, not once per read.
            _scanned = _end;
            lineLength = 0;
            return false;
        }

        var terminator = _scanned + offset;
        lineLength = terminator - _start;
        _start = terminator + 1;
        if (_buffer[terminator] == (byte)'\r')
        {
            if (_start < _end)
            {
                _start += _buffer[_start] == (byte)'\n' ? 1 : 0;
            }
            else
            {
                _skipLineFeed = true;
            }
        }

        _scanned = _start;
        return true;
    }

    // Returns true when the line is the blank line that dispatches an event with data.
    private bool ProcessLine(ReadOnlySpan<byte> line)
    {
        if (line.IsEmpty)
        {
            var dispatch = _hasData;
            _eventPending = false;
            if (!dispatch)
            {
                EventType = null;
            }

            return dispatch;
        }

        if (line[0] == (byte)':')
        {
            // A comment such as a proxy's ": ping" keep-alive: no event, no token.
            return false;
        }

        var colon = line.IndexOf((byte)':');
        var field = colon < 0 ? line : line[..colon];
        var value = colon < 0 ? [] : line[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        _eventPending = true;
        if (field.SequenceEqual("data"u8))
        {
            AppendData(value);
        }
        else if (field.SequenceEqual("event"u8))
        {
            EventType = Encoding.UTF8.GetString(value);
        }

        // "id" and "retry" only matter to a reconnecting browser; other fields are ignored
        // (§9.2.6).
        return false;
    }

    private void AppendData(ReadOnlySpan<byte> value)
    {
        var needed = _dataLength + value.Length + 1;
        if (needed > _data.Length)
        {
            _data = Grow(_data, _dataLength, needed);
        }

        if (_hasData)
        {
            // §9.2.6: several data lines of one event are joined with a line feed.
            _data[_dataLength++] = (byte)'\n';
        }

        value.CopyTo(_data.AsSpan(_dataLength));
        _dataLength += value.Length;
        _hasData = true;
    }

    private void MakeRoom()
    {
        if (_start == _end)
        {
            _start = _end = _scanned = 0;
        }

        if (_buffer.Length - _end >= _buffer.Length / 4)
        {
            return;
        }

        if (_start > 0)
        {
            var pending = _end - _start;
            _buffer.AsSpan(_start, pending).CopyTo(_buffer);
            _scanned -= _start;
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < _buffer.Length / 4)
        {
            _buffer = Grow(_buffer, _end, _buffer.Length * 2);
        }

        Debug.Assert(_end < _buffer.Length, $"no room to read: end {_end}, size {_buffer.Length}");
    }

    private byte[] Grow(byte[] old, int used, int minimumSize)
    {
        var size = Math.Max(minimumSize, old.Length * 2);
        if (size > MaxBufferSize)
        {
            throw new InvalidDataException(
                $"an SSE line or event is longer than {MaxBufferSize} bytes; "
                + "the response is not a token stream");
        }

        var grown = _pool.Rent(size);
        old.AsSpan(0, used).CopyTo(grown);
        _pool.Return(old);
        return grown;
    }
}
