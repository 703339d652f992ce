using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson05.Benchmarks;

/// <summary>16-byte messages, 65,536 of them per operation, in 16 KiB reads. Results are per
/// frame (OperationsPerInvoke). Target: ≥ 20 million frames per second (≤ 50 ns per frame),
/// 0 bytes allocated.</summary>
public class SmallFrameBenchmarks
{
    private const int FrameCount = 65_536;
    private const int MessageSize = 16;

    private byte[] _lengthPrefixed = [];
    private byte[] _delimited = [];
    private byte[] _fixedLength = [];
    private readonly byte[] _destination = new byte[2 * Streams.ReadSize];
    private long _frames;
    private FrameHandler _onFrame = null!;

    // One decoder per stream kind, reused: a decoder that completed cleanly starts the next stream.
    private readonly LengthPrefixedDecoder _lpDecoder = new();
    private readonly DelimiterDecoder _delimDecoder = new();
    private readonly FixedLengthDecoder _fixedDecoder = new(MessageSize);

    [GlobalSetup]
    public void Setup()
    {
        _lengthPrefixed = Streams.Encode(new LengthPrefixedEncoder(), FrameCount, MessageSize);
        _delimited = Streams.Encode(new DelimiterEncoder(), FrameCount, MessageSize);
        _fixedLength = Streams.Encode(new FixedLengthEncoder(MessageSize, padding: 0), FrameCount, MessageSize);
        _onFrame = _ => _frames++;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FrameCount, Description = "Span.CopyTo of the same bytes")]
    public void Copy() => Streams.CopyInReads(_lengthPrefixed, _destination);

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "length-prefixed decode")]
    public void LengthPrefixed() => Streams.DecodeInReads(_lengthPrefixed, _lpDecoder, _onFrame);

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "delimiter decode")]
    public void Delimited() => Streams.DecodeInReads(_delimited, _delimDecoder, _onFrame);

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "fixed-length decode")]
    public void FixedLength() => Streams.DecodeInReads(_fixedLength, _fixedDecoder, _onFrame);
}
