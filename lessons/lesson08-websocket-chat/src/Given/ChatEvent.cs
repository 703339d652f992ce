namespace NetCourse.Lesson08;

/// <summary>The kinds of <see cref="ChatEvent"/> the server sends (its <c>type</c> field).</summary>
public static class ChatEventTypes
{
    /// <summary>Someone joined the room (sent to every member, the newcomer first of all).</summary>
    public const string Joined = "joined";
    /// <summary>Someone left the room: closed, vanished, or was dropped.</summary>
    public const string Left = "left";
    /// <summary>A member's message, to every member, the sender included.</summary>
    public const string Message = "message";
    /// <summary>A text message the server could not read as a <see cref="ChatPost"/>; only to its sender.</summary>
    public const string Error = "error";
}

/// <summary>
/// What the server sends, one JSON object per WebSocket text message:
/// <c>{"type":"message","room":"lobby","nick":"ann","text":"hi","seq":1}</c>. Fields that do not
/// apply are left out. <see cref="Seq"/> numbers each sender's messages 1, 2, 3… on its connection.
/// </summary>
public sealed record ChatEvent(string Type, string? Room = null, string? Nick = null, string? Text = null, long? Seq = null)
{
    public static ChatEvent Joined(string room, string nick) => new(ChatEventTypes.Joined, room, nick);

    public static ChatEvent Left(string room, string nick) => new(ChatEventTypes.Left, room, nick);

    public static ChatEvent Message(string room, string nick, string text, long seq) => new(ChatEventTypes.Message, room, nick, text, seq);

    public static ChatEvent Error(string text) => new(ChatEventTypes.Error, Text: text);
}

/// <summary>What a client sends, one JSON object per WebSocket text message: <c>{"text":"hi"}</c>.
/// The server knows the sender's room and nickname from its connection.</summary>
public sealed record ChatPost(string Text);
