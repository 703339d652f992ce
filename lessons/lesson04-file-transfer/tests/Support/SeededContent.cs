using System.Security.Cryptography;

namespace NetCourse.Lesson04.Tests.Support;

/// <summary>
/// A read-only stream of <see cref="Length"/> pseudo-random bytes generated on the fly from a
/// seed: a 200 MiB file costs no memory, and the same seed gives the same bytes again.
/// </summary>
public sealed class SeededContent(int seed, long length) : Stream
{
    private readonly Random _random = new(seed);
    private long _position;

    public override long Length => length;

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        _random.NextBytes(buffer[..count]);
        _position += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public static byte[] Bytes(int seed, int length)
    {
        var bytes = new byte[length];
        new SeededContent(seed, length).ReadExactly(bytes);
        return bytes;
    }

    public static byte[] Sha256(int seed, long length)
    {
        using var content = new SeededContent(seed, length);
        return SHA256.HashData(content);
    }

    /// <summary>Writes the content to a file, streaming.</summary>
    public static void WriteFile(string path, int seed, long length)
    {
        using var content = new SeededContent(seed, length);
        using var file = File.Create(path);
        content.CopyTo(file, 1024 * 1024);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Position { get => _position; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
