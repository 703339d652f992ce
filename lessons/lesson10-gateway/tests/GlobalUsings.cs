global using System.Net;
global using System.Net.Http;
global using System.Net.Sockets;
global using System.Text;
global using Microsoft.AspNetCore.Http;
global using NetCourse.Harness.Time;
global using NetCourse.Harness.Waiting;
global using NetCourse.Lesson10.Tests.Support;
