using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace RotationOps.Engine.Aws.Wire;

/// <summary>
/// A growable byte buffer for request and response bodies that may hold secret values. Unlike
/// MemoryStream or ArrayBufferWriter it zeroes every array it lets go of (on growth and on
/// Dispose), so a secret does not linger in memory the engine no longer owns.
/// </summary>
internal sealed class SensitiveBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;
    private int _count;

    public SensitiveBufferWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(initialCapacity, 16)];
    }

    public ReadOnlySpan<byte> WrittenSpan => new ReadOnlySpan<byte>(_buffer, 0, _count);

    public ArraySegment<byte> WrittenSegment => new ArraySegment<byte>(_buffer, 0, _count);

    public void Advance(int count)
    {
        if (count < 0 || _count + count > _buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
        _count += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return new Memory<byte>(_buffer, _count, _buffer.Length - _count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        EnsureFree(sizeHint);
        return new Span<byte>(_buffer, _count, _buffer.Length - _count);
    }

    public void Write(byte value)
    {
        EnsureFree(1);
        _buffer[_count++] = value;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        EnsureFree(bytes.Length);
        bytes.CopyTo(new Span<byte>(_buffer, _count, bytes.Length));
        _count += bytes.Length;
    }

    /// <summary>Reads the stream to its end straight into this buffer (no intermediate copies).</summary>
    public async Task ReadFromAsync(Stream stream, CancellationToken cancellationToken)
    {
        while (true)
        {
            EnsureFree(4096);
            int read = await stream.ReadAsync(_buffer, _count, _buffer.Length - _count, cancellationToken).ConfigureAwait(false);
            if (read == 0) return;
            _count += read;
        }
    }

    public void Dispose()
    {
        Array.Clear(_buffer, 0, _buffer.Length);
        _count = 0;
    }

    private void EnsureFree(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _count >= needed) return;
        var larger = new byte[Math.Max(_buffer.Length * 2, _count + needed)];
        Buffer.BlockCopy(_buffer, 0, larger, 0, _count);
        Array.Clear(_buffer, 0, _buffer.Length);
        _buffer = larger;
    }
}
