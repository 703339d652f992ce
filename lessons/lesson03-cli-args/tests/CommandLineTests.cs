namespace NetCourse.Lesson03.Tests;

[Task(3)]
public class CommandLineTests
{
    private static Command Parse(params string[] args) => CommandLine.Parse(args);

    private static UsageException Rejects(params string[] args) =>
        Should.Throw<UsageException>(() => CommandLine.Parse(args), $"`transfer {string.Join(' ', args.Select(a => a.Length == 0 ? "''" : a))}` is not a valid command line.");

    [Test, Points(2), Hint("See Hint 3.1: in C#, args[0] is the first argument (the command), not the program's name as in Go's os.Args or C's argv.")]
    public void Send_with_a_file_and_an_endpoint_parses()
    {
        Parse("send", "notes.txt", "127.0.0.1:9000")
            .ShouldBe(new SendCommand("notes.txt", new Endpoint("127.0.0.1", 9000)));
    }

    [Test, Hint("Without --dir the directory is null; without --overwrite existing files are kept.")]
    public void Receive_with_only_a_port_parses_with_defaults()
    {
        Parse("receive", "9000").ShouldBe(new ReceiveCommand(9000, null, false));
    }

    [Test, Points(2), Hint("See Hint 3.2: options may follow the positional arguments; keep looking for options until --, not until the first positional.")]
    public void Options_after_the_positional_arguments_are_options()
    {
        Parse("receive", "9000", "--dir", "inbox", "--overwrite")
            .ShouldBe(new ReceiveCommand(9000, "inbox", true), "--dir and --overwrite after the port are still options.");
    }

    [Test, Hint("See Hint 3.2: an option may come anywhere, even before the command.")]
    public void Options_before_the_command_are_options()
    {
        Parse("--overwrite", "receive", "--dir", "inbox", "9000").ShouldBe(new ReceiveCommand(9000, "inbox", true));
    }

    [Test, Hint("See Hint 3.3: --dir=VALUE carries its value after the first '='.")]
    public void Option_value_after_an_equals_sign_is_the_value()
    {
        Parse("receive", "9000", "--dir=my inbox").ShouldBe(new ReceiveCommand(9000, "my inbox", false));
    }

    [Test, Hint("See Hint 3.3: split --dir=VALUE at the first '=' only; the value may hold more.")]
    public void Option_value_may_contain_equals_signs()
    {
        Parse("receive", "9000", "--dir=a=b").ShouldBe(new ReceiveCommand(9000, "a=b", false));
    }

    [Test, Hint("See Hint 3.4: after --, every argument is positional, even one that starts with a dash.")]
    public void Double_dash_ends_the_options()
    {
        Parse("send", "--", "-notes.txt", "[::1]:9000")
            .ShouldBe(new SendCommand("-notes.txt", new Endpoint("::1", 9000)), "A file named -notes.txt can be sent after --.");
    }

    [Test, Hint("See Hint 3.4: -h after -- is a file name, not a request for help.")]
    public void Help_after_double_dash_is_a_positional()
    {
        Parse("send", "--", "-h", "localhost:9000").ShouldBe(new SendCommand("-h", new Endpoint("localhost", 9000)));
    }

    [Test, Hint("A lone '-' is a positional argument (by convention it means standard input), not an option.")]
    public void Single_dash_is_a_positional()
    {
        Parse("send", "-", "localhost:9000").ShouldBe(new SendCommand("-", new Endpoint("localhost", 9000)));
    }

    [TestCase("-h"), TestCase("--help")]
    [Hint("-h and --help ask for the usage: return a HelpCommand.")]
    public void Help_option_asks_for_help(string option)
    {
        Parse(option).ShouldBeOfType<HelpCommand>();
    }

    [Test, Hint("See Hint 3.5: look for -h/--help before anything else, so a wrong command line with --help still gets help.")]
    public void Help_wins_over_mistakes_on_the_same_line()
    {
        Parse("send", "--bogus", "--help").ShouldBeOfType<HelpCommand>("Someone who asks for help gets help, not a complaint.");
    }

    [Test, Hint("Throw UsageException when nothing was given: say that a command is missing.")]
    public void No_arguments_is_a_usage_error()
    {
        Rejects().Message.ShouldContain("command", Case.Insensitive);
    }

    [Test, Hint("Commands are send and receive; name the unknown one in the message.")]
    public void Unknown_command_is_a_usage_error_naming_it()
    {
        Rejects("upload", "notes.txt").Message.ShouldContain("upload");
    }

    [TestCase("--force"), TestCase("-x"), TestCase("--DIR=inbox")]
    [Hint("An option you do not know is a mistake, not a positional: name it in the message.")]
    public void Unknown_option_is_a_usage_error_naming_it(string option)
    {
        Rejects("receive", "9000", option).Message.ShouldContain(option.Split('=')[0], Case.Sensitive);
    }

    [Test, Hint("--dir at the very end has no value: say that it needs one.")]
    public void Dir_without_a_value_is_a_usage_error()
    {
        Rejects("receive", "9000", "--dir").Message.ShouldContain("--dir");
    }

    [Test, Hint("--dir= gives an empty value: that is no folder at all.")]
    public void Dir_with_an_empty_value_is_a_usage_error()
    {
        Rejects("receive", "9000", "--dir=");
    }

    [Test, Hint("--dir twice is ambiguous: which folder did the user mean?")]
    public void Dir_given_twice_is_a_usage_error()
    {
        Rejects("receive", "9000", "--dir", "a", "--dir", "b");
    }

    [Test, Hint("--overwrite is a switch: --overwrite=yes is a mistake.")]
    public void Switch_with_a_value_is_a_usage_error()
    {
        Rejects("receive", "9000", "--overwrite=yes").Message.ShouldContain("--overwrite");
    }

    [Test, Hint("send needs <file> and <host:port>: name the one that is missing.")]
    public void Send_without_an_endpoint_is_a_usage_error_naming_it()
    {
        Rejects("send", "notes.txt").Message.ShouldContain("<host:port>");
    }

    [Test, Hint("An empty argument ('') names no file: refuse it while parsing, before anything tries to open it.")]
    public void Send_with_an_empty_file_name_is_a_usage_error()
    {
        Rejects("send", "", "localhost:9000");
    }

    [Test, Hint("send takes exactly two arguments: name the extra one.")]
    public void Send_with_an_extra_argument_is_a_usage_error_naming_it()
    {
        Rejects("send", "notes.txt", "localhost:9000", "extra").Message.ShouldContain("extra");
    }

    [TestCase("--dir", "inbox"), TestCase("--overwrite")]
    [Hint("The options of receive do not apply to send: the receiver decides where files go and whether they replace old ones.")]
    public void Send_with_a_receive_option_is_a_usage_error(params string[] option)
    {
        Rejects(["send", "notes.txt", "localhost:9000", .. option]);
    }

    [Test, Hint("See Hint 3.6: turn the endpoint's FormatException into a UsageException that quotes what was typed.")]
    public void Send_with_an_invalid_endpoint_is_a_usage_error_quoting_it()
    {
        Rejects("send", "notes.txt", "localhost").Message.ShouldContain("localhost");
    }

    [Test, Hint("receive needs <port>: say it is missing.")]
    public void Receive_without_a_port_is_a_usage_error_naming_it()
    {
        Rejects("receive", "--overwrite").Message.ShouldContain("<port>");
    }

    [TestCase("0"), TestCase("65536"), TestCase("ninety")]
    [Hint("See Hint 3.6: the port of receive follows Endpoint.ParsePort's rules; a bad one is a usage error.")]
    public void Receive_with_an_invalid_port_is_a_usage_error(string port)
    {
        Rejects("receive", port).Message.ShouldContain(port);
    }
}
