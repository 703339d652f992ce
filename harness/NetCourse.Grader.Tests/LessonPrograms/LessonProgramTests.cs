using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using NetCourse.Harness.Servers;

namespace NetCourse.Grader.Tests.LessonPrograms;

/// <summary>
/// <c>grade.sh LESSON --run --solution</c> end to end: the grader builds the lesson's program,
/// real clients talk to it on loopback, and a SIGINT stops it with exit code 0.
/// The first run of each builds its program (the solutions are built already in the self-check).
/// </summary>
[TimeLimit(240)]
[NonParallelizable]
[Platform(Exclude = "Win", Reason = "sends SIGINT, which Windows does not have")]
public class LessonProgramTests
{
    private static readonly TimeSpan Startup = TimeSpan.FromSeconds(180);
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(15);
    private const string Listening = @"listening on (?:http://)?(127\.0\.0\.1:\d+)";

    [Test]
    public async Task Lesson06_answers_a_TCP_client_and_stops_on_SIGINT_with_the_port_freed()
    {
        await using var program = LessonProgramProcess.Start("lesson06", "--run", "--solution", "--port", "0");
        var address = IPEndPoint.Parse(await program.WaitForAsync(Listening, Startup));

        using (var client = new TcpClient())
        {
            using var deadline = new CancellationTokenSource(Step);
            await client.ConnectAsync(address, deadline.Token);
            using var reader = new StreamReader(client.GetStream());
            await client.GetStream().WriteAsync("hello\nSTOP\n"u8.ToArray(), deadline.Token);
            (await reader.ReadLineAsync(deadline.Token) ?? "").ShouldMatch(@"^\d+$");
            (await reader.ReadLineAsync(deadline.Token)).ShouldBe("BYE");
        }
        program.Interrupt();

        (await program.WaitForExitAsync(Step)).ShouldBe(0, program.Error);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Should.Throw<SocketException>(() => probe.Connect(address)).SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Test]
    public async Task Lesson06_on_a_port_in_use_says_so_and_suggests_another()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var program = LessonProgramProcess.Start("lesson06", "--run", "--solution", "--port", port.ToString());

        (await program.WaitForExitAsync(Startup)).ShouldBe(1);
        program.Error.ShouldContain($"port {port} is already in use");
        program.Error.ShouldContain("--port");
        program.Error.ShouldNotContain("   at ");
    }

    [Test]
    public async Task Lesson02_echoes_a_UDP_datagram()
    {
        await using var program = LessonProgramProcess.Start("lesson02", "--run", "--solution", "--port", "0");
        var address = IPEndPoint.Parse(await program.WaitForAsync(Listening, Startup));

        using var client = new UdpClient(AddressFamily.InterNetwork);
        using var deadline = new CancellationTokenSource(Step);
        await client.SendAsync("ping"u8.ToArray(), address, deadline.Token);
        var reply = await client.ReceiveAsync(deadline.Token);

        Encoding.UTF8.GetString(reply.Buffer).ShouldBe("ping");
        reply.RemoteEndPoint.ShouldBe(address);
        program.Interrupt();
        (await program.WaitForExitAsync(Step)).ShouldBe(0, program.Error);
    }

    [Test]
    public async Task Lesson04_receive_and_send_move_a_file_between_two_processes()
    {
        var folder = Directory.CreateTempSubdirectory("netcourse-run-").FullName;
        try
        {
            var inbox = Directory.CreateDirectory(Path.Combine(folder, "inbox")).FullName;
            var file = Path.Combine(folder, "notes.bin");
            var content = new byte[200_000];
            new Random(17).NextBytes(content);
            await File.WriteAllBytesAsync(file, content);
            // lesson03's parser takes ports 1 to 65535, so the receiver gets a free one, not 0.
            var port = FreePort.Tcp();

            await using var receiver = LessonProgramProcess.Start("lesson04", "--run", "--solution", "receive", inbox, "--port", port.ToString());
            var address = await receiver.WaitForAsync(Listening, Startup);
            await using var sender = LessonProgramProcess.Start("lesson04", "--run", "--solution", "send", file, address);

            (await sender.WaitForExitAsync(Startup)).ShouldBe(0, sender.Output + sender.Error);
            (await File.ReadAllBytesAsync(Path.Combine(inbox, "notes.bin"))).ShouldBe(content);
            await receiver.WaitForAsync(@"(Ok) — ", Step);
            receiver.Interrupt();
            (await receiver.WaitForExitAsync(Step)).ShouldBe(0, receiver.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public async Task Lesson08_serves_the_chat_page_and_accepts_a_WebSocket_from_its_own_origin()
    {
        await using var program = LessonProgramProcess.Start("lesson08", "--run", "--solution", "--port", "0");
        var address = await program.WaitForAsync(Listening, Startup);
        using var deadline = new CancellationTokenSource(Step);

        using var http = new HttpClient();
        var page = await http.GetStringAsync($"http://{address}/", deadline.Token);
        page.ShouldContain("<html", Case.Insensitive);

        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Origin", $"http://{address}");
        await socket.ConnectAsync(new Uri($"ws://{address}/chat?room=lobby&nick=ann"), deadline.Token);
        var buffer = new byte[4096];
        var welcome = await socket.ReceiveAsync(buffer, deadline.Token);
        Encoding.UTF8.GetString(buffer, 0, welcome.Count).ShouldContain("\"joined\"");

        program.Interrupt();
        (await program.WaitForExitAsync(Step)).ShouldBe(0, program.Error);
    }

    [Test]
    public async Task Lesson10_answers_an_HTTP_request_through_a_backend_and_stops_on_SIGINT()
    {
        await using var program = LessonProgramProcess.Start("lesson10", "--run", "--solution", "--port", "0");
        var address = await program.WaitForAsync(Listening, Startup);
        using var deadline = new CancellationTokenSource(Step);

        using var http = new HttpClient();
        using var response = await http.GetAsync($"http://{address}/hello", deadline.Token);
        response.EnsureSuccessStatusCode();
        response.Headers.GetValues("X-Backend").Single().ShouldBeOneOf("a", "b");
        (await response.Content.ReadAsStringAsync(deadline.Token)).ShouldContain("GET /hello");

        program.Interrupt();
        (await program.WaitForExitAsync(Step)).ShouldBe(0, program.Error);
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Should.Throw<SocketException>(() => probe.Connect(IPEndPoint.Parse(address))).SocketErrorCode.ShouldBe(SocketError.ConnectionRefused);
    }

    [Test]
    public async Task A_stub_not_started_is_named_with_the_graders_wording_not_a_stack_trace()
    {
        // The untouched stub is what the self-check runs on; a learner's copy may have started it.
        if (!File.ReadAllText(Path.Combine(LessonProgramProcess.Repo, "lessons", "lesson06-concurrent-server", "src", "RandomNumbers.cs")).Contains("NotImplementedException"))
            Assert.Ignore("lesson06's RandomNumbers is written here: nothing is left not started.");

        await using var program = LessonProgramProcess.Start("lesson06", "--run", "--port", "0");

        (await program.WaitForExitAsync(Startup)).ShouldBe(1);
        program.Error.ShouldContain("not started: RandomNumbers.Handler");
        program.Error.ShouldNotContain("   at ");
    }
}
