using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace NetCourse.Lesson02;

/// <summary>
/// Sends numbered echo requests to one server and waits for the matching reply, retrying after
/// each timeout up to a budget. UDP may lose, duplicate, reorder or delay any datagram, and
/// anyone may send one to our port: a reply counts only when it comes from the server, carries
/// the number of an attempt of the current request, and echoes its payload.
/// </summary>
public sealed class UdpEchoClient : IDisposable
{
    private readonly Socket _socket;
    private readonly IPEndPoint _server;
    private readonly EchoClientOptions _options;
    private readonly TimeProvider _time;
    private ulong _nextNumber;
    private int _busy;

    /// <param name="server">Where requests go; replies from anywhere else are ignored.</param>
    /// <param name="options">Timeout per attempt and attempts per request; <see cref="EchoClientOptions.Default"/> when null.</param>
    /// <param name="time">The clock for timeouts and round-trip times; the system's when null.</param>
    public UdpEchoClient(IPEndPoint server, EchoClientOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        _options = options ?? EchoClientOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Timeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxAttempts, 1, nameof(options));
        _server = server;
        _time = time ?? TimeProvider.System;
        // A random first number, as TCP picks a random initial sequence number: replies meant for
        // an earlier client that had our port cannot match ours.
        _nextNumber = (ulong)Random.Shared.NextInt64();
        _socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(new IPEndPoint(server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
    }

    /// <summary>The client's own endpoint: the server replies here.</summary>
    public IPEndPoint LocalEndPoint { get; }

    /// <summary>
    /// Sends <paramref name="payload"/> (at most <see cref="EchoWire.MaxPayload"/> bytes) and returns
    /// the echo. Throws <see cref="EchoTimeoutException"/> when every attempt timed out. One
    /// request at a time per client.
    /// </summary>
    public async Task<EchoReply> EchoAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken = default)
    {
        if (payload.Length > EchoWire.MaxPayload)
            throw new ArgumentException($"A payload holds at most {EchoWire.MaxPayload} bytes (one datagram less the header), not {payload.Length}.", nameof(payload));
        if (Interlocked.Exchange(ref _busy, 1) == 1)
            throw new InvalidOperationException("One request at a time: await the previous EchoAsync first.");

        var request = ArrayPool<byte>.Shared.Rent(Datagrams.MaxSize);
        var reply = ArrayPool<byte>.Shared.Rent(Datagrams.MaxSize);
        try
        {
            // Every attempt gets its own number, so a reply says which attempt it answers and the
            // round-trip time is measured from that attempt (Karn's problem, RFC 6298 section 3).
            var firstNumber = _nextNumber;
            var sentAt = new long[_options.MaxAttempts];
            for (var attempt = 1; attempt <= _options.MaxAttempts; attempt++)
            {
                var length = EchoWire.Write(_nextNumber++, payload.Span, request);
                sentAt[attempt - 1] = _time.GetTimestamp();
                await _socket.SendToAsync(request.AsMemory(0, length), SocketFlags.None, _server, cancellationToken).ConfigureAwait(false);

                if (await ReceiveMatchingAsync(reply, firstNumber, attempt, payload, cancellationToken).ConfigureAwait(false) is var (index, echo))
                    return new EchoReply(echo, _time.GetElapsedTime(sentAt[index]), attempt);
            }
            throw new EchoTimeoutException(
                $"No reply from {_server} after {_options.MaxAttempts} attempts, waiting {_options.Timeout.TotalMilliseconds:0} ms for each.",
                _options.MaxAttempts);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(request);
            ArrayPool<byte>.Shared.Return(reply);
            Volatile.Write(ref _busy, 0);
        }
    }

    /// <summary>
    /// Reads datagrams until one answers an attempt of this request (returns the attempt's index
    /// and the echoed payload) or the attempt's timeout passes (returns null). Everything else is
    /// dropped on the floor.
    /// </summary>
    private async Task<(int Index, byte[] Echo)?> ReceiveMatchingAsync(byte[] buffer, ulong firstNumber, int attempts, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var anySender = new IPEndPoint(_server.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (true)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer.AsMemory(0, Datagrams.MaxSize), SocketFlags.None, anySender, wait.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionRefused)
                {
                    continue; // an ICMP error for an earlier request: as good as lost
                }

                // Anyone can send to our port: only the server's datagrams are replies.
                if (!_server.Equals(received.RemoteEndPoint)) continue;
                if (!EchoWire.TryRead(buffer.AsSpan(0, received.ReceivedBytes), out var number, out var echoed)) continue;
                // Numbers of this request run from firstNumber to firstNumber + attempts - 1;
                // unsigned subtraction keeps that true across wrap-around, and turns every older
                // number (a duplicate or a late reply to an earlier request) into a huge one.
                var index = number - firstNumber;
                if (index >= (ulong)attempts) continue;
                if (!echoed.SequenceEqual(payload.Span)) continue;
                return ((int)index, echoed.ToArray());
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _socket.Dispose();
}
