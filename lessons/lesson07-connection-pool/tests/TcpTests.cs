using System.Net.Sockets;

namespace NetCourse.Lesson07.Tests;

[Task(4)]
public class TcpTests
{
    [Test, Hint("See Hint 4.1: connect a Socket to the endpoint, then wrap it in a TcpPoolConnection.")]
    public async Task TcpDialer_connects_to_the_server()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var connection = await new TcpDialer(server.EndPoint).DialAsync(CancellationToken.None).AsTask().WithDeadline();
        using var accepted = await server.AcceptAsync();
        connection.Socket.Connected.ShouldBeTrue("DialAsync must return a connected socket.");
    }

    [Test, Hint("See Hint 4.1: a refused connect is the dialer's error to throw (a SocketException), after disposing the socket.")]
    public async Task TcpDialer_to_a_closed_port_throws_SocketException()
    {
        using var closed = LoopbackServer.BindClosedPort();
        (await Outcome.ExceptionOf(() => new TcpDialer(closed.EndPoint).DialAsync(CancellationToken.None)))
            .ShouldBeOfType<SocketException>("Dialing a port nobody listens on must fail with the SocketException of the connect.");
    }

    [Test, Hint("See Hint 4.2: an idle connection with nothing readable is alive.")]
    public async Task Idle_TCP_connection_is_alive()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var connection = await new TcpDialer(server.EndPoint).DialAsync(CancellationToken.None).AsTask().WithDeadline();
        using var accepted = await server.AcceptAsync();
        connection.IsAlive.ShouldBeTrue("The server has neither closed nor written: the connection is alive.");
    }

    [Test, Points(2), Hint("See Hint 4.2: Socket.Poll(0, SelectMode.SelectRead) is true once the server's FIN has arrived.")]
    public async Task TCP_connection_closed_by_the_server_is_not_alive()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var connection = await new TcpDialer(server.EndPoint).DialAsync(CancellationToken.None).AsTask().WithDeadline();
        (await server.AcceptAsync()).Dispose();
        await LoopbackServer.UntilReadableAsync(connection.Socket);
        connection.IsAlive.ShouldBeFalse("The server closed the connection: IsAlive must say so.");
    }

    [Test, Hint("See Hint 4.2: bytes nobody asked for on an idle connection mean the protocol is out of step.")]
    public async Task Idle_TCP_connection_with_unexpected_bytes_is_not_alive()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var connection = await new TcpDialer(server.EndPoint).DialAsync(CancellationToken.None).AsTask().WithDeadline();
        using var accepted = await server.AcceptAsync();
        await accepted.SendAsync("stray"u8.ToArray()).WithDeadline();
        await LoopbackServer.UntilReadableAsync(connection.Socket);
        connection.IsAlive.ShouldBeFalse("An idle connection must have nothing to read; stray bytes make it unusable.");
    }

    [Test, Points(2), Hint("See Hint 3.3 and 4.2: the pool asks IsAlive before lending; the TCP check sees the server's FIN.")]
    public async Task Pool_detects_a_connection_the_server_closed_before_lending_it()
    {
        await using var server = await LoopbackServer.StartAsync();
        using var pool = new ConnectionPool<TcpPoolConnection>(new TcpDialer(server.EndPoint), new ConnectionPoolOptions { MaxConnections = 1 }, new ManualClock());
        var first = await pool.GetAsync().AsTask().WithDeadline();
        var accepted = await server.AcceptAsync();
        pool.Return(first);
        accepted.Dispose();
        await LoopbackServer.UntilReadableAsync(first.Socket);

        var second = await pool.GetAsync().AsTask().WithDeadline();
        using var secondAccepted = await server.AcceptAsync();
        second.ShouldNotBeSameAs(first, "The server closed the pooled connection: the pool must dial a new one instead of lending it.");
        pool.Return(second);
    }

    [Test, Hint("See Hint 4.2: on a connection already closed, Poll throws ObjectDisposedException: it is not alive.")]
    public async Task Disposed_TCP_connection_is_not_alive()
    {
        await using var server = await LoopbackServer.StartAsync();
        var connection = await new TcpDialer(server.EndPoint).DialAsync(CancellationToken.None).AsTask().WithDeadline();
        using var accepted = await server.AcceptAsync();
        connection.Dispose();
        connection.IsAlive.ShouldBeFalse("A connection that has been closed cannot be lent: IsAlive must say false, not throw.");
    }
}
