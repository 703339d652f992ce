using System.Buffers;
using System.Security.Cryptography;

namespace NetCourse.Lesson04;

/// <summary>Streams file content through one fixed, pooled buffer, hashing as it goes.</summary>
internal static class Content
{
    /// <summary>Copies exactly <paramref name="length"/> bytes and returns their SHA-256; an input
    /// that ends early is an <see cref="EndOfStreamException"/>.</summary>
    public static async Task<byte[]> CopyAsync(Stream input, long length, Stream output, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(Wire.ContentBufferSize);
        try
        {
            for (var remaining = length; remaining > 0;)
            {
                var chunk = buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining));
                var read = await input.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (read == 0) throw new EndOfStreamException($"The content ended {remaining} bytes before the announced {length}.");
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
            return sha.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
