global using System.Net.Sockets;
global using NetCourse.Harness.Files;
global using NetCourse.Harness.Waiting;
global using NetCourse.Lesson04.Tests.Support;
