global using NetCourse.Harness.Files;
global using NetCourse.Lesson03.Tests.Support;
