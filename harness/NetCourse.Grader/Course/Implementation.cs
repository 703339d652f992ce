namespace NetCourse.Grader.Course;

/// <summary>What a lesson's tests are compiled against.</summary>
public sealed record Implementation(ImplementationKind Kind, string? MutantName = null)
{
    public static readonly Implementation Stub = new(ImplementationKind.Stub);
    public static readonly Implementation Solution = new(ImplementationKind.Solution);
    public static Implementation Mutant(string name) => new(ImplementationKind.Mutant, name);

    /// <summary>A correct design other than the reference solution's: the dual of a mutant.</summary>
    public static Implementation Alternative(string name) => new(ImplementationKind.Alternative, name);

    /// <summary>
    /// The name MSBuild knows the patched copy by. An alternative is built exactly like a mutant
    /// (a diff applied to the solution under .build/mutants/), under a prefixed name, so the build
    /// needs no second mechanism and a mutant and an alternative of one name never share a folder.
    /// </summary>
    public string? WorkspaceName => Kind switch
    {
        ImplementationKind.Mutant => MutantName,
        ImplementationKind.Alternative => $"{AlternativePrefix}{MutantName}",
        _ => null,
    };

    public const string AlternativePrefix = "alternative-";

    /// <summary>The build's folder name under .build/, as Directory.Build.props computes it.</summary>
    public string Pivot => Kind switch
    {
        ImplementationKind.Mutant or ImplementationKind.Alternative => $"mutant-{WorkspaceName}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public IEnumerable<string> MSBuildProperties => Kind switch
    {
        ImplementationKind.Mutant or ImplementationKind.Alternative => ["-p:Implementation=mutant", $"-p:Mutant={WorkspaceName}"],
        _ => [$"-p:Implementation={Kind.ToString().ToLowerInvariant()}"],
    };

    public override string ToString() => Kind switch
    {
        ImplementationKind.Stub => "your code",
        ImplementationKind.Solution => "the reference solution",
        ImplementationKind.Alternative => $"alternative '{MutantName}'",
        _ => $"mutant '{MutantName}'",
    };
}

public enum ImplementationKind { Stub, Solution, Mutant, Alternative }
