using System.Text.Json;

namespace NetCourse.Grader.Building;

/// <summary>
/// What the last successful build of a lesson's tests against one implementation was made from:
/// <paramref name="Tests"/> (<see cref="BuildInputs.TestsHash"/>), <paramref name="Sources"/> (the
/// implementation's) and <paramref name="Reference"/> (the hash of the implementation's reference
/// assembly the tests were compiled against), <paramref name="ImplementationFile"/> (the file name of
/// the implementation's assembly) and <paramref name="Outputs"/> (the hash of the tests assembly and
/// the implementation's assembly in the tests' folder). Kept under .build/stamps/; a file that cannot
/// be read is no stamp (the build runs).
/// </summary>
public sealed record BuildStamp(string Tests, string Sources, string Reference, string ImplementationFile, string? Outputs)
{
    /// <summary>Where MSBuild said it put the tests assembly (its TargetPath).</summary>
    public string TestsAssembly { get; init; } = "";

    public static BuildStamp? Read(string file)
    {
        try
        {
            return File.Exists(file) && JsonSerializer.Deserialize<BuildStamp>(File.ReadAllText(file)) is { Tests.Length: > 0, Sources.Length: > 0, Reference.Length: > 0, ImplementationFile.Length: > 0, Outputs.Length: > 0, TestsAssembly.Length: > 0 } stamp
                ? stamp : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }

    public static void Write(string file, BuildStamp stamp)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, JsonSerializer.Serialize(stamp));
    }

    public static void Delete(string file)
    {
        if (File.Exists(file)) File.Delete(file);
    }
}
