namespace NetCourse.Grader.Course;

/// <summary>A lesson as it stands in the repository: lessons/lessonNN-slug and its solution.</summary>
public sealed record Lesson(int Number, string Slug, string Title, string Directory, string RepoRoot)
{
    /// <summary><c>lesson05</c>.</summary>
    public string Id => $"lesson{Number:00}";

    /// <summary>The part of the slug after the id: <c>framing</c>.</summary>
    public string ShortName => Slug[(Slug.IndexOf('-') + 1)..];

    public string TestsDirectory => Path.Combine(Directory, "tests");
    public string SourceDirectory => Path.Combine(Directory, "src");
    public string SolutionDirectory => Path.Combine(RepoRoot, "solutions", Slug, "src");
    public string MutantsDirectory => Path.Combine(RepoRoot, "solutions", Slug, "mutants");
    public string AlternativesDirectory => Path.Combine(RepoRoot, "solutions", Slug, "alternatives");

    public string TestsProject => System.IO.Directory.EnumerateFiles(TestsDirectory, "*.csproj").Single();
    public string TestsAssemblyName => Path.GetFileNameWithoutExtension(TestsProject);

    public IReadOnlyList<string> MutantNames => DiffNames(MutantsDirectory, MutantFileName);

    /// <summary>Correct designs other than the solution's, each a diff that every test must accept.</summary>
    public IReadOnlyList<string> AlternativeNames => DiffNames(AlternativesDirectory, AlternativeFileName);

    public const string MutantFileName = "mutant.diff";
    public const string AlternativeFileName = "alternative.diff";

    private static IReadOnlyList<string> DiffNames(string folder, string diffFile) =>
        System.IO.Directory.Exists(folder)
            ? System.IO.Directory.EnumerateDirectories(folder)
                .Where(d => File.Exists(Path.Combine(d, diffFile)))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
}
