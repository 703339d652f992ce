namespace NetCourse.Lesson08;

/// <summary>The query string of a chat connection: <c>/chat?room=lobby&amp;nick=ann</c>, and what a
/// room or nickname may be.</summary>
public static class ChatNames
{
    /// <summary>The path of the WebSocket endpoint.</summary>
    public const string ChatPath = "/chat";
    public const string RoomParameter = "room";
    public const string NickParameter = "nick";
    public const int MaxLength = 32;

    /// <summary>1 to <see cref="MaxLength"/> letters, digits, '-', '_' or '.': short enough for a
    /// notice, nothing that needs escaping in a page or a log.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: > 0 and <= MaxLength } && name.All(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>The WebSocket address of <paramref name="room"/> on a server whose page is at
    /// <paramref name="server"/> (http → ws, https → wss).</summary>
    public static Uri ChatUri(Uri server, string room, string nick)
    {
        var scheme = server.Scheme == Uri.UriSchemeHttps ? "wss" : "ws";
        var query = $"{RoomParameter}={Uri.EscapeDataString(room)}&{NickParameter}={Uri.EscapeDataString(nick)}";
        return new UriBuilder(server) { Scheme = scheme, Path = ChatPath, Query = query }.Uri;
    }
}
