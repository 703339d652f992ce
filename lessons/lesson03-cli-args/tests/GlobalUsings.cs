global using NetCourse.Lesson03.Tests.Support;
