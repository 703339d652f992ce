using System.Net.Sockets;

namespace NetCourse.Run;

/// <summary>
/// The frame of every lesson program: parses nothing itself, but turns what can go wrong into one
/// plain sentence (a usage error, a member not started, a port in use) instead of a stack trace,
/// and ends with exit code 0 after Ctrl+C.
/// </summary>
public static class LessonProgram
{
    public static async Task<int> RunAsync(string[] args, string usage, Func<ProgramArguments, ProgramContext, Task<int>> body)
    {
        var output = Console.Out;
        var error = Console.Error;
        var stop = new StopSignal();
        var notStarted = new NotStarted(error);
        var context = new ProgramContext(output, error, stop.Token);
        var arguments = new ProgramArguments(args);
        if (arguments.WantsHelp)
        {
            output.Write(usage.Replace("RUN", context.Command));
            return 0;
        }
        try
        {
            return await body(arguments, context);
        }
        catch (UsageError e)
        {
            error.WriteLine($"error: {e.Message}");
            error.Write(usage.Replace("RUN", context.Command));
            return 2;
        }
        catch (Exception e) when (Find<NotImplementedException>(e) is { } notImplemented)
        {
            var member = NotStarted.Describe(notImplemented);
            if (member is not null) notStarted.Report(member, notImplemented.Message);
            else error.WriteLine($"not started: {notImplemented.Message}");
            error.WriteLine("Write it first, then try again (the lesson's README says how; ./grade.sh checks it).");
            return 1;
        }
        catch (Exception e) when (IsAddressInUse(e))
        {
            var port = context.Port is { } p and > 0 ? $"port {p}" : "the port";
            error.WriteLine($"error: {port} is already in use (another program, or this one still running in another terminal).");
            error.WriteLine($"Choose another one: {context.Command} --port {(context.Port is { } q and > 0 and < 65535 ? q + 1 : 9100)}   (--port 0 lets the system pick)");
            return 1;
        }
        catch (OperationCanceledException) when (stop.Token.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception e)
        {
            // Learner code failing is part of the exercise: say what and where in one line, no trace.
            var inner = e is AggregateException { InnerException: { } first } ? first : e;
            var where = inner.TargetSite is { DeclaringType: { } type } site ? $" (in {NetCourse.TestHost.StubMemberNames.Describe(site, type)})" : "";
            error.WriteLine($"error: {inner.GetType().Name}: {inner.Message}{where}");
            if (notStarted.Any) error.WriteLine("Some of the code it needs is not started yet (see above).");
            return 1;
        }
    }

    private static T? Find<T>(Exception? e) where T : Exception
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is T found) return found;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions)
                    if (Find<T>(inner) is { } nested) return nested;
        }
        return null;
    }

    /// <summary>A socket's EADDRINUSE, or Kestrel's AddressInUseException around it.</summary>
    private static bool IsAddressInUse(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || x.GetType().Name == "AddressInUseException") return true;
        return false;
    }
}
