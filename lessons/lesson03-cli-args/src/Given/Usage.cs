namespace NetCourse.Lesson03;

/// <summary>The program's name and its usage text, printed by <c>--help</c> and after every usage error.</summary>
public static class Usage
{
    public const string ProgramName = "transfer";

    public const string Text =
        """
        Usage:
          transfer send <file> <host:port>
          transfer receive <port> [--dir DIR] [--overwrite]
          transfer -h | --help

        Commands:
          send      Send <file> to the receiver listening at <host:port>.
          receive   Listen on <port> and save the files received.

        Options:
          --dir DIR, --dir=DIR   Save received files in DIR (default: the current directory).
          --overwrite            Replace a file that already exists (default: keep it).
          -h, --help             Show this help and exit.
          --                     End of options: every argument after it is positional.

        Endpoints: 127.0.0.1:9000, [::1]:9000, localhost:9000. Ports are 1 to 65535.

        """;
}
