namespace FluxPerf.Tests.Client;

/// <summary>
/// A read-only stream over fixed bytes that hands them out in the given read sizes, cycling:
/// the way a socket delivers an SSE body split at arbitrary points. For parser unit tests
/// only; anything about HTTP runs against the real mock server.
/// </summary>
internal sealed class OddSizedReadStream(byte[] bytes, params int[] readSizes) : Stream
{
    private int _position;
    private int _nextSize;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => bytes.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) =>
        Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var size = readSizes.Length == 0
            ? buffer.Length
            : readSizes[_nextSize++ % readSizes.Length];
        var count = Math.Min(Math.Min(size, buffer.Length), bytes.Length - _position);
        bytes.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(
        Memory<byte> buffer,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(
        byte[] buffer,
        int offset,
        int count,
        CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException();
}
