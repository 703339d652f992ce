global using System.Net;
global using System.Net.Sockets;
global using NetCourse.Harness.Buffers;
global using NetCourse.Harness.Tcp;
global using NetCourse.Harness.Time;
global using NetCourse.Harness.Waiting;
global using NetCourse.Lesson06.Tests.Support;
