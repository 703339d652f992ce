using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Servers;

namespace NetCourse.Lesson03.Tests;

/// <summary>
/// The program as a shell sees it: a command line in, an exit code, stdout and stderr out.
/// Arguments and expectations may name placeholders, filled in per test: {file} (an existing
/// file of {size} bytes named {name}), {dir} (an existing folder), {missing} (a path where
/// nothing is), {free-port} and {busy-port} (a TCP port nobody uses, and one a test listener holds).
/// </summary>
[Task(4)]
public class EntryTests
{
    private const string FileName = "weekly report — été.txt";
    private const string FileText = "Bonjour, le monde !\n";

    private TempFolder _temp = null!;
    private TcpListener? _busy;
    private Dictionary<string, string> _placeholders = null!;

    [SetUp]
    public void Prepare()
    {
        _temp = new TempFolder();
        var file = _temp.File(FileName, FileText);
        _placeholders = new()
        {
            ["{file}"] = file,
            ["{name}"] = FileName,
            ["{size}"] = new FileInfo(file).Length.ToString(),
            ["{dir}"] = _temp.Folder("inbox"),
            ["{missing}"] = Path.Combine(_temp.Path, "not here.txt"),
        };
    }

    [TearDown]
    public void CleanUp()
    {
        _busy?.Dispose();
        _temp.Dispose();
    }

    public static IEnumerable<TestCaseData> Table()
    {
        // Asking for help.
        yield return Row("Help_prints_the_usage_on_stdout_and_exits_0", ["--help"], ExitCodes.Success, Expect.Exactly(Cli.UsageText), Expect.Nothing,
            "--help is a success: the usage goes to stdout, nothing to stderr, exit code 0.");
        yield return Row("Short_help_prints_the_usage_on_stdout_and_exits_0", ["receive", "-h"], ExitCodes.Success, Expect.Exactly(Cli.UsageText), Expect.Nothing,
            "-h is --help, wherever it stands before --.");

        // Usage errors: exit 2, the complaint and the usage on stderr, nothing on stdout.
        yield return Row("No_arguments_is_a_usage_error", [], ExitCodes.Usage, Expect.Nothing, Expect.UsageError("command"),
            "See Hint 4.2: a usage error writes 'transfer: <what is wrong>', then the usage, to stderr, and returns 2.");
        yield return Row("Unknown_option_is_a_usage_error", ["receive", "9000", "--force"], ExitCodes.Usage, Expect.Nothing, Expect.UsageError("--force"),
            "See Hint 4.2: catch the UsageException and write its message after 'transfer: ', then the usage, to stderr.");
        yield return Row("Missing_argument_is_a_usage_error", ["send", "{file}"], ExitCodes.Usage, Expect.Nothing, Expect.UsageError("<host:port>"),
            "See Hint 4.2: a missing argument is a usage error: exit code 2.");
        yield return Row("Port_out_of_range_is_a_usage_error", ["receive", "70000"], ExitCodes.Usage, Expect.Nothing, Expect.UsageError("70000"),
            "A bad port is a mistake on the command line: exit code 2, before anything is tried.");
        yield return Row("Unknown_command_is_a_usage_error", ["get", "{file}"], ExitCodes.Usage, Expect.Nothing, Expect.UsageError("get"),
            "An unknown command is a usage error: exit code 2.");

        // Success: one line on stdout, nothing on stderr, exit 0.
        yield return Row("Send_prints_the_file_name_size_and_endpoint", ["send", "{file}", "127.0.0.1:9000"], ExitCodes.Success,
            Expect.Exactly("send '{name}' ({size} bytes) to 127.0.0.1:9000\n"), Expect.Nothing,
            "See Hint 4.3: print exactly: send '<name>' (<size> bytes) to <host:port>, with the name from FileFacts.");
        yield return Row("Send_prints_an_IPv6_endpoint_in_brackets", ["send", "--", "{file}", "[::1]:9000"], ExitCodes.Success,
            Expect.Exactly("send '{name}' ({size} bytes) to [::1]:9000\n"), Expect.Nothing,
            "Print the endpoint with Endpoint.ToString, which puts an IPv6 address back in its brackets.");
        yield return Row("Receive_prints_the_port_and_the_full_folder", ["receive", "--dir={dir}", "{free-port}"], ExitCodes.Success,
            Expect.Exactly("receive on port {free-port} into '{dir}' (existing files kept)\n"), Expect.Nothing,
            "See Hint 4.3: print exactly: receive on port <port> into '<full folder path>' (existing files kept).");
        yield return Row("Receive_with_overwrite_says_existing_files_are_replaced", ["receive", "{free-port}", "--overwrite", "--dir", "{dir}"], ExitCodes.Success,
            Expect.Exactly("receive on port {free-port} into '{dir}' (existing files replaced)\n"), Expect.Nothing,
            "With --overwrite the line ends '(existing files replaced)'.");

        // Runtime failures: exit 1, one line on stderr saying what happened, nothing on stdout.
        yield return Row("Missing_file_is_a_runtime_failure", ["send", "{missing}", "localhost:9000"], ExitCodes.Failure, Expect.Nothing, Expect.OneLine("{missing}"),
            "See Hint 4.4: the command line was right but the file is not there: one line naming it on stderr, exit code 1, no usage.");
        yield return Row("Folder_instead_of_a_file_is_a_runtime_failure", ["send", "{dir}", "localhost:9000"], ExitCodes.Failure, Expect.Nothing, Expect.OneLine("{dir}"),
            "See Hint 4.4: FileFacts throws IOException for a folder: report it in one line, exit code 1.");
        yield return Row("Port_in_use_is_a_runtime_failure", ["receive", "{busy-port}"], ExitCodes.Failure, Expect.Nothing, Expect.OneLine("{busy-port}"),
            "See Hint 4.5: bind the port to find out whether it is free; AddressAlreadyInUse becomes one line naming the port, exit code 1.");
        yield return Row("Missing_folder_is_a_runtime_failure", ["receive", "{free-port}", "--dir", "{missing}"], ExitCodes.Failure, Expect.Nothing, Expect.OneLine("{missing}"),
            "See Hint 4.4: a --dir that does not exist is reported in one line naming it, exit code 1.");
    }

    [TestCaseSource(nameof(Table))]
    public void Command_line_gives_the_expected_outcome(string[] args, int exitCode, Expect stdout, Expect stderr)
    {
        var actualArgs = args.Select(Fill).ToArray();
        var outcome = Cli.Run(actualArgs);
        var context = $"for `transfer {string.Join(' ', actualArgs)}`, which gave:\n{outcome}";
        outcome.ExitCode.ShouldBe(exitCode, $"Wrong exit code {context}");
        stdout.Check(outcome.Stdout, "stdout", Fill, context);
        stderr.Check(outcome.Stderr, "stderr", Fill, context);
    }

    private static TestCaseData Row(string name, string[] args, int exitCode, Expect stdout, Expect stderr, string hint) =>
        new TestCaseData(args, exitCode, stdout, stderr).SetName(name).SetProperty(GradingProperties.Hint, hint);

    private string Fill(string text)
    {
        if (text.Contains("{free-port}")) _placeholders.TryAdd("{free-port}", FreePort.Tcp().ToString());
        if (text.Contains("{busy-port}") && _busy is null)
        {
            _busy = new TcpListener(IPAddress.Loopback, 0);
            _busy.Start();
            _placeholders["{busy-port}"] = ((IPEndPoint)_busy.LocalEndpoint).Port.ToString();
        }
        return _placeholders.Aggregate(text, (t, p) => t.Replace(p.Key, p.Value));
    }
}
