using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace NetCourse.Redis;

/// <summary>
/// Reads RESP2 replies from bytes that may arrive in any pieces. <see cref="TryRead"/> either
/// consumes one whole reply or nothing: on "not enough bytes yet" it leaves the reader where it
/// was, so the caller can wait for more and try again.
/// </summary>
internal static class RespParser
{
    /// <summary>Redis's own default limit for one string (proto-max-bulk-len): a larger length is a broken stream, not data.</summary>
    public const long MaxBulkLength = 512L * 1024 * 1024;
    public const int MaxArrayLength = 16 * 1024 * 1024;
    public const int MaxDepth = 32;

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    public static bool TryRead(ref SequenceReader<byte> reader, out RespValue value)
    {
        var attempt = reader;
        if (TryReadValue(ref attempt, depth: 0, out value))
        {
            reader = attempt;
            return true;
        }
        return false;
    }

    private static bool TryReadValue(ref SequenceReader<byte> reader, int depth, out RespValue value)
    {
        value = RespValue.Null;
        if (!reader.TryRead(out var prefix) || !TryReadLine(ref reader, out var line)) return false;
        switch ((char)prefix)
        {
            case '+': value = RespValue.SimpleString(Decode(line)); return true;
            case '-': value = RespValue.Error(Decode(line)); return true;
            case ':': value = RespValue.Integer(ParseInteger(line, "integer")); return true;
            case '$': return TryReadBulk(ref reader, ParseInteger(line, "bulk string length"), out value);
            case '*': return TryReadArray(ref reader, ParseInteger(line, "array length"), depth, out value);
            default: throw Malformed($"unknown reply type '{Printable(prefix)}'");
        }
    }

    private static bool TryReadBulk(ref SequenceReader<byte> reader, long length, out RespValue value)
    {
        value = RespValue.Null;
        if (length == -1) return true;
        if (length is < 0 or > MaxBulkLength) throw Malformed($"bulk string length {length} is out of range");
        if (reader.Remaining < length + 2) return false;
        var payload = reader.UnreadSequence.Slice(0, length);
        reader.Advance(length);
        if (!reader.IsNext(CrLf, advancePast: true)) throw Malformed("a bulk string does not end with CRLF");
        value = RespValue.BulkString(Encoding.UTF8.GetString(payload));
        return true;
    }

    private static bool TryReadArray(ref SequenceReader<byte> reader, long length, int depth, out RespValue value)
    {
        value = RespValue.Null;
        if (length == -1) return true;
        if (length is < 0 or > MaxArrayLength) throw Malformed($"array length {length} is out of range");
        if (depth >= MaxDepth) throw Malformed($"arrays nested deeper than {MaxDepth}");
        var items = new RespValue[length];
        for (var i = 0; i < items.Length; i++)
        {
            if (!TryReadValue(ref reader, depth + 1, out items[i])) return false;
        }
        value = RespValue.Array(items);
        return true;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line) =>
        reader.TryReadTo(out line, CrLf, advancePastDelimiter: true);

    private static long ParseInteger(ReadOnlySequence<byte> line, string what)
    {
        Span<byte> digits = stackalloc byte[21];
        if (line.Length is 0 or > 21) throw Malformed($"{what} \"{Decode(line)}\" is not a number");
        line.CopyTo(digits);
        if (!Utf8Parser.TryParse(digits[..(int)line.Length], out long n, out var used) || used != line.Length)
            throw Malformed($"{what} \"{Decode(line)}\" is not a number");
        return n;
    }

    private static string Decode(ReadOnlySequence<byte> bytes) => Encoding.UTF8.GetString(bytes);

    private static string Printable(byte b) => b is >= 0x20 and < 0x7F ? ((char)b).ToString() : $"0x{b:X2}";

    private static RedisConnectionException Malformed(string what) => new($"Redis sent a malformed reply: {what}.");
}
