global using NetCourse.Harness.Time;
global using NetCourse.Harness.Waiting;
global using NetCourse.Lesson09.Tests.Support;
global using NSubstitute;
global using NSubstitute.ExceptionExtensions;
