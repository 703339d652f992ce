using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetCourse.Notebooks.Execution;

/// <summary>
/// Whether a submission ends in an expression with a value (no semicolon, not void), which the
/// Polyglot kernel shows below the cell. Roslyn's own answer to this is internal, so it is read
/// off the syntax tree: a null return value alone cannot tell "no value" from "the value null".
/// </summary>
internal static class TrailingExpression
{
    public static bool HasValue(Compilation submission)
    {
        var tree = submission.SyntaxTrees.Single();
        if (tree.GetRoot() is not CompilationUnitSyntax { Members: [.., GlobalStatementSyntax last] }
            || last.Statement is not ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement)
            return false;
        var type = submission.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }
}
