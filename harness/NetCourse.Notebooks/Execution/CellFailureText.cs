using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace NetCourse.Notebooks.Execution;

/// <summary>A failed submission in one sentence: its compile errors with their lines, or the exception it threw.</summary>
internal static class CellFailureText
{
    public static string Of(CommandFailed failure, IEnumerable<KernelEvent> events)
    {
        var errors = events.OfType<DiagnosticsProduced>()
            .SelectMany(d => d.Diagnostics)
            .Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .ToList();
        if (errors.Count > 0) return "does not compile:\n" + string.Join('\n', errors.Select(Describe));
        return failure.Exception is { } e ? $"threw {e.GetType().Name}: {e.Message}" : failure.Message;
    }

    private static string Describe(Diagnostic error)
    {
        var message = $"  line {error.LinePositionSpan.Start.Line + 1}: {error.Code}: {error.Message}";
        // CS0006: a #r'd assembly is missing, almost always because the course is not built yet.
        return error.Code == "CS0006" ? message + " (build the course first: dotnet build)" : message;
    }
}
