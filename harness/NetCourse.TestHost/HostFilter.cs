using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;

namespace NetCourse.TestHost;

/// <summary>
/// Which tests a host run takes: not those on the grader's skip list (finished before a restart),
/// and, with <c>--only</c>, only those a text selects.
/// </summary>
internal sealed class HostFilter(IReadOnlySet<string> skip, IReadOnlyList<string> only) : TestFilter
{
    // A suite passes when any of its tests does; a test only on its own merits. (NUnit's
    // default also passes every test of a matching suite, which would undo the skip list.)
    public override bool Pass(ITest test, bool negated) => test.IsSuite ? test.Tests.Any(t => Pass(t, negated)) : Match(test);

    public override bool Match(ITest test) =>
        !skip.Contains(test.FullName)
        && (only.Count == 0 || only.Any(o => OnlyMatches(o, test.FullName, test.ClassName ?? "", test.Name)));

    public override bool IsExplicitMatch(ITest test) => false;

    public override TNode AddToXml(TNode parentNode, bool recursive) => parentNode.AddElement("netcourse-filter");

    /// <summary>
    /// Whether <c>--only TEXT</c> selects a test: TEXT may be part of its full name
    /// (<c>Payload_larger</c>) or of the sentence the report prints (<c>Payload larger</c>,
    /// <c>Simultaneous close › Both sides</c>), in any case.
    /// </summary>
    internal static bool OnlyMatches(string text, string fullName, string className, string testName)
    {
        static string Spaced(string s) => s.Replace('_', ' ');
        var fixture = ReadableNames.ForFixture(className[(className.LastIndexOf('.') + 1)..]);
        var sentence = ReadableNames.ForTest(testName);
        return new[] { fullName, Spaced(fullName), sentence, $"{fixture} › {sentence}" }
            .Any(candidate => candidate.Contains(text, StringComparison.OrdinalIgnoreCase) || candidate.Contains(Spaced(text), StringComparison.OrdinalIgnoreCase));
    }
}
