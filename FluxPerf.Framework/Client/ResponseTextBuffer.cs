using System.Buffers;
using System.Text;

namespace FluxPerf.Client;

/// <summary>
/// The captured response text as UTF-8 bytes in a pooled array, decoded to a string once the
/// stream has ended. A <see cref="StringBuilder"/> would allocate a new chunk every time the text
/// outgrew it, inside the gaps being measured; this costs nothing per token once the array fits.
/// </summary>
internal sealed class ResponseTextBuffer : IDisposable
{
    // Most responses fit after a doubling or two; the array goes back to the pool at the end.
    private const int InitialCapacity = 1024;

    private readonly ArrayPool<byte> _pool;
    private byte[] _bytes;

    /// <summary>Creates an empty buffer over arrays from <paramref name="pool"/>.</summary>
    public ResponseTextBuffer(ArrayPool<byte> pool)
    {
        _pool = pool;
        _bytes = pool.Rent(InitialCapacity);
    }

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Room for at least <paramref name="size"/> more bytes after the text.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_bytes.Length - Length < size)
        {
            Grow(Length + size);
        }

        return _bytes.AsSpan(Length);
    }

    /// <summary>Keeps <paramref name="count"/> bytes written into the last span.</summary>
    public void Advance(int count) => Length += count;

    /// <summary>Drops everything after the first <paramref name="length"/> bytes.</summary>
    public void Truncate(int length) => Length = Math.Min(length, Length);

    /// <summary>The text decoded from UTF-8.</summary>
    public override string ToString() => Encoding.UTF8.GetString(_bytes, 0, Length);

    /// <inheritdoc/>
    public void Dispose()
    {
        _pool.Return(_bytes);
        _bytes = [];
        Length = 0;
    }

    private void Grow(int minimumSize)
    {
        var grown = _pool.Rent(Math.Max(minimumSize, _bytes.Length * 2));
        _bytes.AsSpan(0, Length).CopyTo(grown);
        _pool.Return(_bytes);
        _bytes = grown;
    }
}
