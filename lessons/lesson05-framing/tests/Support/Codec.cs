using System.Buffers;
using System.Buffers.Binary;

namespace NetCourse.Lesson05.Tests.Support;

/// <summary>
/// One framing scheme as the tests see it: the learner's decoder, and the test's own encoding
/// of a list of messages (written here, not with the learner's encoder, so a decoder test
/// depends on the decoder alone).
/// </summary>
public abstract class Codec
{
    public static readonly Codec LengthPrefixed = new LengthPrefixedCodec();
    public static readonly Codec Delimited = new DelimitedCodec();
    public static readonly Codec FixedLength = new FixedLengthCodec();

    public abstract string Name { get; }

    public abstract IFrameDecoder Decoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize);

    /// <summary>The learner's encoder for the same scheme.</summary>
    public abstract IFrameEncoder Encoder();

    /// <summary>The bytes of one frame, as the scheme defines them.</summary>
    public abstract byte[] Frame(ReadOnlySpan<byte> message);

    /// <summary>A message this scheme can carry, of at most <paramref name="maxLength"/> bytes.</summary>
    public abstract byte[] RandomMessage(Random random, int maxLength);

    /// <summary>The longest message <see cref="RandomMessage"/> may be asked for.</summary>
    public virtual int LongestMessage => int.MaxValue;

    /// <summary>A short stream of mixed messages: one of each size class, an empty one included.</summary>
    public virtual byte[][] SmallMessages =>
        [[.. "hi"u8], [], [.. "framing!"u8], [0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47]];

    public byte[] Stream(IEnumerable<byte[]> messages) => [.. messages.SelectMany(m => Frame(m))];

    public byte[][] RandomMessages(Random random, int count, int maxLength) =>
        [.. Enumerable.Range(0, count).Select(_ => RandomMessage(random, Math.Min(maxLength, LongestMessage)))];

    public override string ToString() => Name;

    private sealed class LengthPrefixedCodec : Codec
    {
        public override string Name => "length-prefixed";
        public override IFrameDecoder Decoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize) => new LengthPrefixedDecoder(maxFrameSize);
        public override IFrameEncoder Encoder() => new LengthPrefixedEncoder();

        public override byte[] Frame(ReadOnlySpan<byte> message)
        {
            var frame = new byte[4 + message.Length];
            BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)message.Length);
            message.CopyTo(frame.AsSpan(4));
            return frame;
        }

        public override byte[] RandomMessage(Random random, int maxLength)
        {
            var message = new byte[random.Next(maxLength + 1)];
            random.NextBytes(message);
            return message;
        }
    }

    private sealed class DelimitedCodec : Codec
    {
        public override string Name => "delimited";
        public override IFrameDecoder Decoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize) => new DelimiterDecoder((byte)'\n', maxFrameSize);
        public override IFrameEncoder Encoder() => new DelimiterEncoder();
        public override byte[] Frame(ReadOnlySpan<byte> message) => [.. message, (byte)'\n'];

        public override byte[] RandomMessage(Random random, int maxLength)
        {
            var message = new byte[random.Next(maxLength + 1)];
            random.NextBytes(message);
            message.AsSpan().Replace((byte)'\n', (byte)' ');
            return message;
        }
    }

    private sealed class FixedLengthCodec : Codec
    {
        public const int Length = 12;
        public override string Name => "fixed-length (12 bytes, zero padding)";
        public override int LongestMessage => Length;
        public override IFrameDecoder Decoder(int maxFrameSize = FrameLimits.DefaultMaxFrameSize) => new FixedLengthDecoder(Length);
        public override IFrameEncoder Encoder() => new FixedLengthEncoder(Length);

        public override byte[] Frame(ReadOnlySpan<byte> message)
        {
            var frame = new byte[Length];
            message.CopyTo(frame);
            return frame;
        }

        public override byte[] RandomMessage(Random random, int maxLength)
        {
            var message = new byte[random.Next(Math.Min(maxLength, Length) + 1)];
            random.NextBytes(message);
            if (message.Length > 0 && message[^1] == 0) message[^1] = 1; // zero is the padding
            return message;
        }
    }
}
