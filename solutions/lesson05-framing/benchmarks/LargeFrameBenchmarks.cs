using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson05.Benchmarks;

/// <summary>64 KiB frames arriving in 16 KiB reads: every frame is gathered from four reads.
/// Target: decoding at ≥ 0.5× the speed of copying the same bytes (ratio ≤ 2).</summary>
public class LargeFrameBenchmarks
{
    private const int FrameCount = 64;
    private const int FrameSize = 64 * 1024;

    private byte[] _lengthPrefixed = [];
    private byte[] _delimited = [];
    private readonly byte[] _destination = new byte[FrameSize + Streams.ReadSize];
    private long _bytes;
    private FrameHandler _onFrame = null!;

    // One decoder per stream kind, reused: a decoder that completed cleanly starts the next stream.
    private readonly LengthPrefixedDecoder _lpDecoder = new();
    private readonly DelimiterDecoder _delimDecoder = new();

    [GlobalSetup]
    public void Setup()
    {
        _lengthPrefixed = Streams.Encode(new LengthPrefixedEncoder(), FrameCount, FrameSize);
        _delimited = Streams.Encode(new DelimiterEncoder(), FrameCount, FrameSize);
        _onFrame = frame => _bytes += frame.Length;
    }

    [Benchmark(Baseline = true, Description = "Span.CopyTo of the same bytes")]
    public void Copy() => Streams.CopyInReads(_lengthPrefixed, _destination);

    [Benchmark(Description = "length-prefixed decode")]
    public void LengthPrefixed() => Streams.DecodeInReads(_lengthPrefixed, _lpDecoder, _onFrame);

    [Benchmark(Description = "delimiter decode")]
    public void Delimited() => Streams.DecodeInReads(_delimited, _delimDecoder, _onFrame);
}
