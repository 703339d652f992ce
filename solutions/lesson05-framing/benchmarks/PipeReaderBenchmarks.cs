using System.Buffers;
using System.IO.Pipelines;
using BenchmarkDotNet.Attributes;

namespace NetCourse.Lesson05.Benchmarks;

/// <summary>16-byte messages, 65,536 of them per operation, read from a stream in 16 KiB reads:
/// Stream.ReadFramesAsync (an array per frame) against FramePipeReader over a PipeReader (a
/// slice of the pipe's buffer per frame). Results are per frame (OperationsPerInvoke); what the
/// pipe allocates per stream (the reader, its segments) is spread over the 65,536 frames.</summary>
public class PipeReaderBenchmarks
{
    private const int FrameCount = 65_536;
    private const int MessageSize = 16;
    private static readonly StreamPipeReaderOptions ReaderOptions = new(bufferSize: Streams.ReadSize, minimumReadSize: 1024);

    private byte[] _stream = [];
    private long _bytes;
    private readonly LengthPrefixedDecoder _decoder = new();
    private Action<ReadOnlySequence<byte>> _onFrame = null!;

    [GlobalSetup]
    public void Setup()
    {
        _stream = Streams.Encode(new LengthPrefixedEncoder(), FrameCount, MessageSize);
        _onFrame = frame => _bytes += frame.Length;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = FrameCount, Description = "Stream.ReadFramesAsync (array per frame)")]
    public async Task StreamFrames()
    {
        using var stream = new MemoryStream(_stream, writable: false);
        await foreach (var frame in stream.ReadFramesAsync(_decoder)) _bytes += frame.Length;
    }

    [Benchmark(OperationsPerInvoke = FrameCount, Description = "PipeReader.ReadLengthPrefixedFramesAsync (slice per frame)")]
    public async Task PipeFrames()
    {
        var reader = PipeReader.Create(new MemoryStream(_stream, writable: false), ReaderOptions);
        await reader.ReadLengthPrefixedFramesAsync(_onFrame);
        await reader.CompleteAsync();
    }
}
