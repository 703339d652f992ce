namespace NetCourse.Notebooks.Cli;

/// <summary>Finds the repository and the notebooks a command line names.</summary>
internal static class NotebookSelection
{
    /// <summary>The given folder, else the nearest folder at or above <paramref name="start"/> holding NetCourse.sln or global.json.</summary>
    public static string Repository(string? given, string start)
    {
        if (given is not null)
            return Directory.Exists(given) ? Path.GetFullPath(given) : throw new UsageException($"--repo {given}: no such folder");
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "NetCourse.sln")) || File.Exists(Path.Combine(dir.FullName, "global.json")))
                return dir.FullName;
        throw new UsageException($"no NetCourse.sln or global.json at or above {start}: pass --repo DIR");
    }

    /// <summary>Named notebooks (relative to the current folder, else to the repository), or all of notebooks/ in name order.</summary>
    public static IReadOnlyList<string> Notebooks(string repo, IReadOnlyList<string> named, string currentDirectory)
    {
        if (named.Count == 0)
        {
            var folder = Path.Combine(repo, "notebooks");
            return Directory.Exists(folder)
                ? [.. Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal)]
                : [];
        }
        return [.. named.Select(name =>
            new[] { Path.GetFullPath(name, currentDirectory), Path.GetFullPath(name, repo) }.FirstOrDefault(File.Exists)
            ?? throw new UsageException($"{name}: no such notebook"))];
    }

    /// <summary>How reports name a notebook: relative to the repository, with forward slashes, whatever the OS (else its full path).</summary>
    public static string DisplayName(string repo, string notebook)
    {
        var relative = Path.GetRelativePath(repo, notebook);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? notebook : relative.Replace('\\', '/');
    }
}
