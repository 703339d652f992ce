namespace NetCourse.Lesson08;

/// <summary>The chat's web page (Given/chat.html, embedded in the assembly): a room, a nickname, a
/// log of notices and messages, a text box. It connects back to the server that served it.</summary>
public static class ChatPage
{
    public const string ContentType = "text/html; charset=utf-8";

    private static readonly Lazy<string> Content = new(Load);

    public static string Html => Content.Value;

    private static string Load()
    {
        using var stream = typeof(ChatPage).Assembly.GetManifestResourceStream("NetCourse.Lesson08.chat.html")
            ?? throw new InvalidOperationException("The chat page is not embedded: the project must embed Given/chat.html as NetCourse.Lesson08.chat.html.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
