using NetCourse.Harness.Snapshots;

namespace NetCourse.Lesson03.Tests;

[Task(4)]
public class HelpTests
{
    [Test, Hint("See Hint 4.2: --help writes Usage.Text to stdout exactly as given, with nothing before or after it.")]
    public void Help_prints_the_usage_text()
    {
        var outcome = Cli.Run("--help");
        Snapshot.Match(outcome.Stdout, new SnapshotOptions().WithoutDefaultScrubbers());
    }
}
