using System.Text.Json;
using NetCourse.Grader.Building;
using NetCourse.Grader.Course;

namespace NetCourse.Grader.Progress;

/// <summary>
/// The fingerprint of a lesson's stub as the course ships it (lessons/&lt;slug&gt;/untouched-stub.json):
/// the hash of its src/ folder and the lesson's test and point counts. A learner's src/ with this
/// hash is "not started" without a build. The self-check proves the file current
/// (<c>--check LESSON --update</c> rewrites it), so it cannot drift from the stub.
/// </summary>
public sealed record UntouchedStub(string SourcesHash, int Tests, int Points)
{
    public const string FileName = "untouched-stub.json";

    public static string PathOf(Lesson lesson) => Path.Combine(lesson.Directory, FileName);

    public static string SourcesHashOf(Lesson lesson) => BuildInputs.SourcesHash(lesson.SourceDirectory, includeProjects: true);

    public static UntouchedStub? Read(Lesson lesson)
    {
        try
        {
            var file = PathOf(lesson);
            return File.Exists(file) && JsonSerializer.Deserialize<UntouchedStub>(File.ReadAllText(file), Json) is { SourcesHash.Length: > 0 } stub ? stub : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }

    public void Write(Lesson lesson) => File.WriteAllText(PathOf(lesson), Render());

    public string Render() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Whether the learner's src/ is byte for byte the stub the course ships.</summary>
    public static bool IsUntouched(Lesson lesson, out UntouchedStub? stub)
    {
        stub = Read(lesson);
        return stub is not null && stub.SourcesHash == SourcesHashOf(lesson);
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}
