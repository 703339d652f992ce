namespace NetCourse.Run;

/// <summary>What a lesson program gets besides its arguments: the stop signal and how to talk to the person.</summary>
public sealed class ProgramContext(TextWriter output, TextWriter error, CancellationToken stop)
{
    /// <summary>Set by the grader: "your code" or "the reference solution".</summary>
    public string Implementation { get; } = Environment.GetEnvironmentVariable("NETCOURSE_RUN_WHAT") is { Length: > 0 } what ? what : "your code";

    /// <summary>The command that started us, without its arguments (for the commands we suggest).</summary>
    public string Command { get; } = Environment.GetEnvironmentVariable("NETCOURSE_RUN_COMMAND") is { Length: > 0 } command ? command : "dotnet run --project run --";

    public TextWriter Output { get; } = output;
    public TextWriter Error { get; } = error;

    /// <summary>Cancelled by Ctrl+C, SIGINT or SIGTERM: stop gracefully and return 0.</summary>
    public CancellationToken Stop { get; } = stop;

    /// <summary>The port asked for, so a port in use can be named.</summary>
    public int? Port { get; set; }

    /// <summary>The first lines a person reads: what runs where, and real tools to try it with.</summary>
    public void Listening(string what, string address, params (string Command, string WhatYouSee)[] tries)
    {
        Output.WriteLine($"{what} ({Implementation}) listening on {address}");
        if (tries.Length > 0)
        {
            Output.WriteLine("Try it from another terminal:");
            foreach (var (command, see) in tries)
            {
                Output.WriteLine($"  {command}");
                Output.WriteLine($"      {see}");
            }
        }
        Output.WriteLine("Ctrl+C stops it.");
    }

    /// <summary>Waits for Ctrl+C (or SIGINT/SIGTERM).</summary>
    public async Task WaitForStopAsync()
    {
        try { await Task.Delay(Timeout.Infinite, Stop); }
        catch (OperationCanceledException) { }
    }
}
