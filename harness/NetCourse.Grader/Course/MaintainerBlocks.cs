namespace NetCourse.Grader.Course;

/// <summary>
/// Markdown the course's own repository shows and a learner's copy leaves out: the lines between
/// <c>&lt;!-- course-repository-only --&gt;</c> and <c>&lt;!-- /course-repository-only --&gt;</c>
/// (how to run a solution's benchmark, the self-check's internals). The export cuts them, so a
/// learner's README never sends them to a file their copy lacks; the markers are HTML comments, so
/// on GitHub the course's repository reads as if they were not there.
/// </summary>
public static class MaintainerBlocks
{
    public const string Begin = "<!-- course-repository-only -->";
    public const string End = "<!-- /course-repository-only -->";

    /// <summary>The text without its maintainer blocks (markers included); refuses markers that do not pair up.</summary>
    public static string Strip(string markdown, string nameForErrors)
    {
        var kept = new List<string>();
        int? openedAt = null;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r').Trim();
            if (line == Begin)
            {
                if (openedAt is { } outer)
                    throw new GraderException($"{nameForErrors}:{i + 1}: {Begin} inside the block opened at line {outer}; close it first.", 2);
                openedAt = i + 1;
            }
            else if (line == End)
            {
                if (openedAt is null)
                    throw new GraderException($"{nameForErrors}:{i + 1}: {End} without a {Begin} before it.", 2);
                openedAt = null;
            }
            else if (openedAt is null)
                kept.Add(lines[i]);
        }
        if (openedAt is { } unclosed)
            throw new GraderException($"{nameForErrors}:{unclosed}: {Begin} is never closed with {End}.", 2);
        return string.Join('\n', kept);
    }
}
