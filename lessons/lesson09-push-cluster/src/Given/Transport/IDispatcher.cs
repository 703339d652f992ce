using System.Text.Json.Serialization;

namespace NetCourse.Lesson09;

/// <summary>What became of one message handed to dispatch. Whatever the outcome, the message stays
/// in the store until its user acknowledges it: only <see cref="Delivered"/> means it is on its way.</summary>
public enum DispatchOutcome
{
    /// <summary>The user's node wrote it to the user's connection.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>No registry entry: the user is offline. The message waits for the next connection.</summary>
    [JsonStringEnumMemberName("userOffline")]
    UserOffline,

    /// <summary>The registry named a node, but that node has no connection for the user (it just
    /// left, or the entry is stale).</summary>
    [JsonStringEnumMemberName("notOnNode")]
    NotOnNode,

    /// <summary>The registry named a node that could not be reached (dead, or too slow).</summary>
    [JsonStringEnumMemberName("nodeUnreachable")]
    NodeUnreachable,
}

/// <summary>Routes a stored message to its user's node: the dispatch service, in process
/// (<see cref="Dispatcher"/>) or over HTTP (<see cref="HttpDispatchClient"/>).</summary>
public interface IDispatcher
{
    Task<DispatchOutcome> DispatchAsync(PushMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Dispatch's way to a push node.</summary>
public interface INodeClient
{
    /// <summary>
    /// Asks <paramref name="node"/> (a node's address) to write <paramref name="message"/> to its
    /// user's connection. True: written. False: the node has no connection for that user.
    /// Throws <see cref="HttpRequestException"/> when the node cannot be reached or does not answer
    /// in time (a dead node), and <see cref="OperationCanceledException"/> only when
    /// <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    Task<bool> DeliverAsync(string node, PushMessage message, CancellationToken cancellationToken = default);
}
