using System.Net;
using System.Net.Sockets;
using NetCourse.Harness.Tcp;
using NetCourse.Harness.Waiting;

namespace NetCourse.Harness.Tests.Tcp;

public class PeerBacklogTests
{
    [SetUp]
    public void LinuxOnly() => Assume.That(OperatingSystem.IsLinux(), "the kernel's socket table is read on Linux only");

    [Test]
    public async Task Unread_bytes_of_the_peer_are_seen_until_it_reads_them()
    {
        var (sender, receiver, listener) = await ConnectAsync(AddressFamily.InterNetwork, IPAddress.Loopback);
        using (listener) using (sender) using (receiver)
        {
            await sender.SendAsync(new byte[3], SocketFlags.None);
            await Wait.UntilAsync(() => PeerBacklog.Of(sender) == 3);

            await receiver.ReceiveAsync(new byte[8], SocketFlags.None).WithDeadline();

            PeerBacklog.Of(sender).ShouldBe(0);
        }
    }

    [Test]
    public async Task A_dual_mode_peer_is_found_under_its_mapped_address()
    {
        var (sender, receiver, listener) = await ConnectAsync(AddressFamily.InterNetworkV6, IPAddress.IPv6Any, dualMode: true);
        using (listener) using (sender) using (receiver)
        {
            await sender.SendAsync(new byte[5], SocketFlags.None);

            await Wait.UntilAsync(() => PeerBacklog.Of(sender) == 5);
        }
    }

    private static async Task<(Socket Sender, Socket Receiver, Socket Listener)> ConnectAsync(AddressFamily family, IPAddress bind, bool dualMode = false)
    {
        var listener = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
        if (dualMode) listener.DualMode = true;
        listener.Bind(new IPEndPoint(bind, 0));
        listener.Listen(1);
        var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var accept = listener.AcceptAsync();
        await sender.ConnectAsync(new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndPoint!).Port)).WithDeadline();
        return (sender, await accept.WithDeadline(), listener);
    }
}
