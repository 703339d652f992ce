using System.Buffers;
using System.Text;

namespace NetCourse.Redis;

/// <summary>Writes a command the way every Redis client sends one: an array of bulk strings
/// (<c>*2\r\n$3\r\nGET\r\n$3\r\nkey\r\n</c>), so arguments may hold any bytes, spaces and CRLFs included.</summary>
internal static class RespWriter
{
    public static void WriteCommand(IBufferWriter<byte> output, IReadOnlyList<string> commandAndArgs)
    {
        WriteHeader(output, (byte)'*', commandAndArgs.Count);
        foreach (var argument in commandAndArgs)
        {
            var length = Encoding.UTF8.GetByteCount(argument);
            WriteHeader(output, (byte)'$', length);
            var span = output.GetSpan(length + 2);
            Encoding.UTF8.GetBytes(argument, span);
            span[length] = (byte)'\r';
            span[length + 1] = (byte)'\n';
            output.Advance(length + 2);
        }
    }

    private static void WriteHeader(IBufferWriter<byte> output, byte prefix, int count)
    {
        var span = output.GetSpan(16);
        span[0] = prefix;
        count.TryFormat(span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        output.Advance(3 + written);
    }
}
