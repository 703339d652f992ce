namespace NetCourse.Lesson03.Tests.Support;

/// <summary>What one output stream of the program must hold.</summary>
public abstract record Expect
{
    public static readonly Expect Nothing = new ExactlyText("");

    /// <summary>Exactly this text (placeholders filled in).</summary>
    public static Expect Exactly(string text) => new ExactlyText(text);

    /// <summary>A usage error: "transfer: …" naming <paramref name="mention"/>, then the usage text.</summary>
    public static Expect UsageError(string mention) => new UsageErrorText(mention);

    /// <summary>A runtime failure: a single line "transfer: …" naming <paramref name="mention"/>.</summary>
    public static Expect OneLine(string mention) => new OneLineText(mention);

    public abstract void Check(string actual, string stream, Func<string, string> fill, string context);

    private sealed record ExactlyText(string Text) : Expect
    {
        public override void Check(string actual, string stream, Func<string, string> fill, string context) =>
            actual.ShouldBe(fill(Text), $"Wrong {stream} {context}");

        public override string ToString() => Text.Length == 0 ? "nothing" : "exactly the text";
    }

    private sealed record UsageErrorText(string Mention) : Expect
    {
        public override void Check(string actual, string stream, Func<string, string> fill, string context)
        {
            var firstLineEnd = actual.IndexOf('\n');
            firstLineEnd.ShouldBeGreaterThan(0, $"A usage error starts with one line saying what is wrong on {stream}, {context}");
            var firstLine = actual[..firstLineEnd];
            firstLine.ShouldStartWith($"{Usage.ProgramName}: ", Case.Sensitive, $"A usage error's first line starts with '{Usage.ProgramName}: ', {context}");
            firstLine.ShouldContain(fill(Mention), Case.Sensitive, $"The first line of {stream} should name '{fill(Mention)}', {context}");
            actual[(firstLineEnd + 1)..].ShouldBe(Cli.UsageText, $"After the error line, {stream} should hold the usage text, {context}");
        }

        public override string ToString() => $"a usage error naming {Mention}";
    }

    private sealed record OneLineText(string Mention) : Expect
    {
        public override void Check(string actual, string stream, Func<string, string> fill, string context)
        {
            actual.ShouldEndWith("\n", Case.Sensitive, $"A runtime failure is one whole line on {stream}, {context}");
            actual.Count(c => c == '\n').ShouldBe(1, $"A runtime failure is one line on {stream}, without the usage, {context}");
            actual.ShouldStartWith($"{Usage.ProgramName}: ", Case.Sensitive, $"The line starts with '{Usage.ProgramName}: ', {context}");
            actual.ShouldContain(fill(Mention), Case.Sensitive, $"The line should name '{fill(Mention)}', {context}");
        }

        public override string ToString() => $"one line naming {Mention}";
    }
}
