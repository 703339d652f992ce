global using NetCourse.Lesson01.Tests.Support;
global using static NetCourse.Lesson01.TcpFlags;
global using static NetCourse.Lesson01.Tests.Support.Segments;
