namespace NetCourse.Lesson08;

/// <summary>The rooms that have members, by name. A room is created by its first member and
/// forgotten with its last, so room names chosen by clients cannot pile up.</summary>
internal sealed class RoomRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChatRoom> _rooms = new(StringComparer.Ordinal);
    private int _members;

    /// <summary>Members of every room.</summary>
    public int MemberCount => Volatile.Read(ref _members);

    public ChatRoom Join(string roomName, ChatSession session)
    {
        // Under the registry's lock, so a room being forgotten by its last member cannot take a
        // newcomer with it. Lock order: registry, then room; never the other way.
        lock (_gate)
        {
            if (!_rooms.TryGetValue(roomName, out var room)) _rooms.Add(roomName, room = new ChatRoom(roomName));
            room.Add(session);
            _members++;
            return room;
        }
    }

    public void Leave(ChatRoom room, ChatSession session)
    {
        lock (_gate)
        {
            if (!room.Remove(session)) return;
            _members--;
            if (room.IsEmpty) _rooms.Remove(room.Name);
        }
    }
}
