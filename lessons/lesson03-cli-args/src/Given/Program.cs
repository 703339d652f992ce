using NetCourse.Lesson03;

// The real program is one line: everything it does lives in TransferCli.Run, which the tests
// also call in process with their own writers.
return TransferCli.Run(args, Console.Out, Console.Error);
