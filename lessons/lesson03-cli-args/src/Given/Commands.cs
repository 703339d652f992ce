namespace NetCourse.Lesson03;

/// <summary>What a command line asks for, once parsed: nothing on it is left to interpret.</summary>
public abstract record Command;

/// <summary><c>-h</c> or <c>--help</c>: print the usage text.</summary>
public sealed record HelpCommand : Command;

/// <summary><c>send &lt;file&gt; &lt;host:port&gt;</c>.</summary>
public sealed record SendCommand(string File, Endpoint Destination) : Command;

/// <summary><c>receive &lt;port&gt; [--dir DIR] [--overwrite]</c>; <paramref name="Directory"/> is null when <c>--dir</c> was not given.</summary>
public sealed record ReceiveCommand(int Port, string? Directory, bool Overwrite) : Command;
