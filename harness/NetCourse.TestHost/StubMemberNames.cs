using System.Reflection;
using System.Runtime.CompilerServices;

namespace NetCourse.TestHost;

/// <summary>
/// How the course names a stub member that still throws <see cref="NotImplementedException"/>
/// ("ConnectionPool&lt;TConnection&gt;.GetAsync"): the grader's report and the lesson programs
/// (harness/NetCourse.Run links this file) say it the same way.
/// </summary>
internal static class StubMemberNames
{
    public static string Describe(MethodBase site, Type type)
    {
        var member = site.Name;
        // An async stub method throws from its state machine, a nested type named <Member>d__N.
        if (type.IsDefined(typeof(CompilerGeneratedAttribute)) && type.DeclaringType is { } outer && type.Name.StartsWith('<'))
        {
            member = type.Name[1..type.Name.IndexOf('>')];
            type = outer;
        }
        member = member switch
        {
            ".ctor" => "constructor",
            _ when member.StartsWith("get_", StringComparison.Ordinal) || member.StartsWith("set_", StringComparison.Ordinal) => member[4..],
            _ => member,
        };
        return $"{Readable(type)}.{member}";
    }

    /// <summary><c>ConnectionPool`1</c> becomes <c>ConnectionPool&lt;TConnection&gt;</c>, as the learner wrote it.</summary>
    private static string Readable(Type type)
    {
        if (!type.IsGenericType) return type.Name;
        var definition = type.GetGenericTypeDefinition();
        var name = definition.Name;
        var tick = name.IndexOf('`');
        return (tick < 0 ? name : name[..tick]) + "<" + string.Join(", ", definition.GetGenericArguments().Select(a => a.Name)) + ">";
    }
}
