namespace NetCourse.Grader.Course;

/// <summary>What a lesson's tests are compiled against.</summary>
public sealed record Implementation(ImplementationKind Kind, string? MutantName = null)
{
    public static readonly Implementation Stub = new(ImplementationKind.Stub);
    public static readonly Implementation Solution = new(ImplementationKind.Solution);
    public static Implementation Mutant(string name) => new(ImplementationKind.Mutant, name);

    /// <summary>The build's folder name under .build/, as Directory.Build.props computes it.</summary>
    public string Pivot => Kind switch
    {
        ImplementationKind.Mutant => $"mutant-{MutantName}",
        _ => Kind.ToString().ToLowerInvariant(),
    };

    public IEnumerable<string> MSBuildProperties => Kind switch
    {
        ImplementationKind.Mutant => ["-p:Implementation=mutant", $"-p:Mutant={MutantName}"],
        _ => [$"-p:Implementation={Kind.ToString().ToLowerInvariant()}"],
    };

    public override string ToString() => Kind switch
    {
        ImplementationKind.Stub => "your code",
        ImplementationKind.Solution => "the reference solution",
        _ => $"mutant '{MutantName}'",
    };
}

public enum ImplementationKind { Stub, Solution, Mutant }
