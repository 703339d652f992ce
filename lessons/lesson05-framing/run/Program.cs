using System.Buffers;
using System.Text;
using NetCourse.Lesson05;

const string usage = """
    Usage: RUN [--framing length|delimiter|fixed] [--size N] [--delimiter C] [--max-frame N] [--encode]
      Decodes stdin with your decoder (default: length-prefixed) and prints each read and each
      frame, so you see frames split across reads and reads holding several frames.
      --encode turns each line of stdin into one frame on stdout instead (pipe it to xxd, or into
      a second RUN). --size is the fixed length (default 8), --delimiter one ASCII character
      (default \n), --max-frame the decoders' limit in bytes (default 1 MiB).
      No port: pipe into it, e.g. nc -l 9005 | RUN to decode what a TCP peer sends.

    """;

return await LessonProgram.RunAsync(args, usage, async (arguments, run) =>
{
    var framing = arguments.Text("--framing") ?? "length";
    var size = arguments.Int("--size", 8);
    var delimiterText = arguments.Text("--delimiter") ?? "\n";
    var delimiter = delimiterText switch
    {
        "\\n" => (byte)'\n',
        "\\0" => (byte)0,
        { Length: 1 } one when one[0] < 128 => (byte)one[0],
        _ => throw new UsageError($"--delimiter takes one ASCII character (or \\n, \\0), not '{delimiterText}'."),
    };
    var maxFrame = arguments.Int("--max-frame", FrameLimits.DefaultMaxFrameSize);
    var encode = arguments.Flag("--encode");
    if (arguments.Positionals().Count > 0) throw new UsageError("lesson05 takes options only; the data comes on stdin.");

    using var stdin = Console.OpenStandardInput();
    if (encode)
    {
        IFrameEncoder encoder = framing switch
        {
            "length" => new LengthPrefixedEncoder(),
            "delimiter" => new DelimiterEncoder(delimiter),
            "fixed" => new FixedLengthEncoder(size),
            _ => throw new UsageError($"--framing is length, delimiter or fixed, not '{framing}'."),
        };
        using var stdout = Console.OpenStandardOutput();
        using var lines = new StreamReader(stdin, Encoding.UTF8);
        var buffer = new ArrayBufferWriter<byte>();
        while (await lines.ReadLineAsync(run.Stop) is { } line)
        {
            buffer.ResetWrittenCount();
            encoder.Encode(Encoding.UTF8.GetBytes(line), buffer);
            await stdout.WriteAsync(buffer.WrittenMemory, run.Stop);
            await stdout.FlushAsync(run.Stop);
        }
        return 0;
    }

    IFrameDecoder decoder = framing switch
    {
        "length" => new LengthPrefixedDecoder(maxFrame),
        "delimiter" => new DelimiterDecoder(delimiter, maxFrame),
        "fixed" => new FixedLengthDecoder(size),
        _ => throw new UsageError($"--framing is length, delimiter or fixed, not '{framing}'."),
    };
    run.Error.WriteLine($"lesson05: decoding stdin as {framing} frames with {decoder.GetType().Name} ({run.Implementation}); end the input with Ctrl+D.");
    var frames = 0;
    var chunk = new byte[4096];
    try
    {
        int read;
        while ((read = await stdin.ReadAsync(chunk, run.Stop)) > 0)
        {
            run.Output.WriteLine($"read {read} byte(s)");
            decoder.Feed(chunk.AsSpan(0, read), frame => run.Output.WriteLine($"  frame {++frames}: {frame.Length} byte(s): {Show(frame)}"));
        }
        decoder.Complete();
        run.Output.WriteLine($"end of input: {frames} frame(s), nothing left over");
        return 0;
    }
    catch (FramingException e)
    {
        run.Output.WriteLine($"end of input after {frames} frame(s): {e.GetType().Name}: {e.Message}");
        return 1;
    }
});

// Text as text; anything with control bytes (other than tab) as hex, so a binary frame stays readable.
static string Show(ReadOnlySpan<byte> frame)
{
    var text = Encoding.UTF8.GetString(frame);
    return text.Any(c => char.IsControl(c) && c != '\t') || text.Contains('\uFFFD') ? Convert.ToHexString(frame) : $"\"{text}\"";
}
