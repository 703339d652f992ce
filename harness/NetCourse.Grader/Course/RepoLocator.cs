namespace NetCourse.Grader.Course;

public static class RepoLocator
{
    public const string EnvironmentVariable = "NETCOURSE_REPO";

    /// <summary>The course checkout: <c>NETCOURSE_REPO</c> (set by grade.sh), else the nearest
    /// folder above the working directory that holds NetCourse.sln.</summary>
    public static string? Find(string? explicitRoot = null)
    {
        if (!string.IsNullOrEmpty(explicitRoot)) return Path.GetFullPath(explicitRoot);
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NetCourse.sln"))) return dir.FullName;
        return null;
    }
}
