using System.Buffers;
using NetCourse.Lesson05;

namespace NetCourse.Lesson05.Benchmarks;

internal static class Streams
{
    /// <summary>The size of one socket read the benchmarks feed: frames straddle reads, as on a network.</summary>
    public const int ReadSize = 16 * 1024;

    public static byte[] Encode(IFrameEncoder encoder, int count, int messageLength, byte fill = 0x41)
    {
        var message = new byte[messageLength];
        message.AsSpan().Fill(fill);
        var output = new ArrayBufferWriter<byte>();
        for (var i = 0; i < count; i++) encoder.Encode(message, output);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>The baseline: the same bytes, in the same reads, copied once into a destination.</summary>
    public static void CopyInReads(byte[] stream, byte[] destination)
    {
        for (var start = 0; start < stream.Length; start += ReadSize)
        {
            var read = stream.AsSpan(start, Math.Min(ReadSize, stream.Length - start));
            var at = start % (destination.Length - ReadSize + 1);
            read.CopyTo(destination.AsSpan(at));
        }
    }

    public static void DecodeInReads(byte[] stream, IFrameDecoder decoder, FrameHandler onFrame)
    {
        for (var start = 0; start < stream.Length; start += ReadSize)
            decoder.Feed(stream.AsSpan(start, Math.Min(ReadSize, stream.Length - start)), onFrame);
        decoder.Complete();
    }
}
