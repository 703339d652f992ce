global using System.Net;
global using System.Net.Sockets;
global using System.Net.WebSockets;
global using System.Text;
global using NetCourse.Harness.Buffers;
global using NetCourse.Harness.Time;
global using NetCourse.Harness.Waiting;
global using NetCourse.Lesson08.Tests.Support;
