using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace NetCourse.Grader.Tests;

/// <summary>
/// A submission folder for the fixture course's lesson01-demo, built from the honest stub and
/// then changed the way an attack changes it; and the one-screen summary of its JSON grade that
/// the attack corpus compares with its golden report.
/// </summary>
internal sealed class AttackSubmission : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("netcourse-attack-").FullName;
    public string Source => Path.Combine(Root, "lessons", "lesson01-demo", "src");

    public static string AttacksDirectory => Path.Combine(TempCourse.FixturesDirectory, "attacks");

    public AttackSubmission(TempCourse course)
    {
        var trustedSource = Path.Combine(course.Root, "lessons", "lesson01-demo", "src");
        Directory.CreateDirectory(Source);
        foreach (var file in Directory.EnumerateFiles(trustedSource)) File.Copy(file, Path.Combine(Source, Path.GetFileName(file)));
    }

    /// <summary>Puts an attack's files (Fixtures/attacks/NAME.cs, or every file under the folder NAME) in src/,
    /// with the trusted checkout's path where the attack names it.</summary>
    public AttackSubmission With(string attack, TempCourse course)
    {
        var file = Path.Combine(AttacksDirectory, attack + ".cs");
        var files = File.Exists(file) ? [(file, "Ports.cs")]
            : Directory.EnumerateFiles(Path.Combine(AttacksDirectory, attack), "*", SearchOption.AllDirectories)
                .Select(f => (f, Path.GetRelativePath(Path.Combine(AttacksDirectory, attack), f))).ToArray();
        foreach (var (from, name) in files)
        {
            var to = Path.Combine(Source, name);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.WriteAllText(to, File.ReadAllText(from).Replace("@@TRUSTED_ROOT@@", course.Root));
        }
        return this;
    }

    /// <summary>The grade's summary: status, points, what was not used, the first line of the message,
    /// and each test's outcome; with the run's temporary paths replaced.</summary>
    public static string Summarize(string jsonFile, string trustedRoot, string submissionRoot)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(jsonFile));
        var root = json.RootElement;
        var text = new StringBuilder();
        text.AppendLine($"status: {root.GetProperty("status").GetString()}");
        text.AppendLine($"score: {root.GetProperty("score").GetInt32()} of {root.GetProperty("max_score").GetInt32()}");
        text.AppendLine($"sandboxed: {root.GetProperty("sandboxed").GetBoolean()}");
        foreach (var entry in root.GetProperty("tampered").EnumerateArray())
            text.AppendLine($"not used: {entry.GetProperty("path").GetString()} ({(entry.GetProperty("rejected").GetBoolean() ? "rejected" : "ignored")})");
        var message = root.GetProperty("message").GetString()!;
        text.AppendLine($"message: {message.Split('\n')[0]}");
        // Which check stopped a build: the error code and the start of its text, once each.
        foreach (var error in Regex.Matches(message, @"error (\w+): ([^\n\[]{0,100})").Select(m => $"  {m.Groups[1].Value}: {m.Groups[2].Value.Trim()}").Distinct())
            text.AppendLine(error);
        foreach (var test in root.GetProperty("tests").EnumerateArray())
        {
            text.AppendLine($"  {test.GetProperty("outcome").GetString(),-12} {test.GetProperty("score").GetInt32()}  {test.GetProperty("name").GetString()}");
            // What a run-time attack reported of itself: "what: done" or "what: failed: Exception".
            var output = test.TryGetProperty("output", out var o) ? o.GetString() ?? "" : "";
            foreach (Match line in Regex.Matches(output, @"^(\w+): (done|failed: \w+)", RegexOptions.Multiline))
                text.AppendLine($"      {line.Value}");
        }
        return Regex.Replace(
            text.ToString().Replace(trustedRoot, "{trusted}").Replace(submissionRoot, "{submission}"),
            @"/tmp/netcourse-grade-[A-Za-z0-9]+", "{staged}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
