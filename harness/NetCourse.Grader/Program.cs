using NetCourse.Grader;

return await new GraderApp(Console.Out, Console.Error).RunAsync(args);
