namespace NetCourse.Lesson08;

/// <summary>
/// The members of one room, and delivery to them. Every change of membership and every delivery
/// happens under one lock, so the room has one order of events that every member sees: whoever
/// saw "joined X" before a message knows X receives that message too.
/// </summary>
internal sealed class ChatRoom(string name)
{
    private readonly Lock _gate = new();
    private readonly List<ChatSession> _members = [];

    public string Name => name;

    public bool IsEmpty
    {
        get { lock (_gate) return _members.Count == 0; }
    }

    /// <summary>Adds <paramref name="newcomer"/> and tells everyone, the newcomer first of all, in
    /// one step: a message published before it is not the newcomer's, one published after is.</summary>
    public void Add(ChatSession newcomer)
    {
        var notice = ChatJson.Serialize(ChatEvent.Joined(name, newcomer.Nick));
        List<ChatSession>? tooSlow;
        lock (_gate)
        {
            _members.Add(newcomer);
            tooSlow = DeliverLocked(notice);
        }
        Drop(tooSlow);
    }

    /// <summary>Removes <paramref name="member"/> and tells the others; false if it was not a member.</summary>
    public bool Remove(ChatSession member)
    {
        var notice = ChatJson.Serialize(ChatEvent.Left(name, member.Nick));
        List<ChatSession>? tooSlow;
        lock (_gate)
        {
            if (!_members.Remove(member)) return false;
            tooSlow = DeliverLocked(notice);
        }
        Drop(tooSlow);
        return true;
    }

    /// <summary>Queues <paramref name="chatEvent"/> for every member. Never waits for a client.</summary>
    public void Publish(ChatEvent chatEvent)
    {
        // Serialized once, outside the lock; every member's queue holds the same immutable bytes.
        var frame = ChatJson.Serialize(chatEvent);
        List<ChatSession>? tooSlow;
        lock (_gate)
        {
            tooSlow = DeliverLocked(frame);
        }
        Drop(tooSlow);
    }

    // Offering never blocks (a full queue says no at once), so holding the lock across the
    // members costs one queue write each, whatever the clients' networks do.
    private List<ChatSession>? DeliverLocked(byte[] frame)
    {
        List<ChatSession>? tooSlow = null;
        foreach (var member in _members)
            if (!member.Offer(frame)) (tooSlow ??= []).Add(member);
        return tooSlow;
    }

    // Outside the lock: dropping a session ends it, and its end leaves the room (which locks).
    private static void Drop(List<ChatSession>? tooSlow)
    {
        if (tooSlow is null) return;
        foreach (var member in tooSlow) member.Drop();
    }
}
