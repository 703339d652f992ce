global using NetCourse.Lesson05.Tests.Support;
