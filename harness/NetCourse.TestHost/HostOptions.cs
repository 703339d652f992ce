using NetCourse.Grading.Protocol;

namespace NetCourse.TestHost;

/// <summary>
/// The host's command line (<see cref="HostArguments"/>). <c>--channel</c>: the grader is on the
/// other end of standard input and output (see <see cref="GraderChannel"/>); the skip list then
/// comes over standard input too, so nothing the grader says is a path a learner's code could open.
/// </summary>
internal sealed record HostOptions(bool Channel, IReadOnlyList<string> Only, bool StopOnFailure)
{
    public static HostOptions Parse(string[] args)
    {
        var channel = false;
        var only = new List<string>();
        var stop = false;
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case HostArguments.Channel: channel = true; break;
                case HostArguments.Only: only.Add(Value()); break;
                case HostArguments.StopOnFailure: stop = true; break;
                default: throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }
        return new HostOptions(channel, only, stop);
    }
}
