using NetCourse.Grader;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true; // let --watch finish its round and exit cleanly
    cancellation.Cancel();
};
return await new GraderApp(Console.Out, Console.Error).RunAsync(args, cancellation.Token);
