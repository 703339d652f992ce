/// <summary>
/// Every lesson program takes <c>--port P</c>, so <c>receive DIR --port P</c> is accepted and
/// rewritten into lesson03's own form, <c>receive P --dir DIR</c>, which the learner's parser then
/// reads (and judges) as usual. Anything else is passed through untouched.
/// </summary>
internal static class ReceiveShorthand
{
    public const int DefaultPort = 9004;

    public static string[] Rewrite(string[] args)
    {
        if (args.Length == 0 || args[0] != "receive") return args;
        var rest = args.Skip(1).ToList();
        string? port = null;
        var at = rest.IndexOf("--port");
        if (at >= 0 && at + 1 < rest.Count)
        {
            port = rest[at + 1];
            rest.RemoveRange(at, 2);
        }
        if (rest.Count > 0 && !rest[0].StartsWith('-') && !rest[0].All(char.IsAsciiDigit))
        {
            var folder = rest[0];
            rest[0] = "--dir";
            rest.Insert(1, folder);
        }
        if (port is not null || !(rest.Count > 0 && rest[0].All(char.IsAsciiDigit)))
            rest.Insert(0, port ?? DefaultPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return ["receive", .. rest];
    }
}
