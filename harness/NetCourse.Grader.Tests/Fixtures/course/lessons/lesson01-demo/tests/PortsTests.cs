// Short limits keep the hostile scenarios (a hang) quick.
[assembly: TimeLimit(3)]

namespace NetCourse.Lesson01.Tests;

public class PortsTests
{
    [Test, Task(1), Hint("Ports run from 1 to 65535.")]
    public void IsValid_accepts_port_80()
    {
        Ports.IsValid(80).ShouldBeTrue();
    }

    [Test, Task(1), Hint("Port 0 means 'any port' to the OS; it is not a port you can connect to.")]
    public void IsValid_rejects_port_0()
    {
        Ports.IsValid(0).ShouldBeFalse();
    }

    [Test, Task(1)]
    public void IsValid_rejects_port_65536()
    {
        Ports.IsValid(PortLimits.Highest + 1).ShouldBeFalse("65535 is the largest port: ports are 16-bit numbers");
    }

    [Test, Task(2), Points(2), Hint("int.Parse, then check the range with IsValid.")]
    public void Parse_reads_a_decimal_port()
    {
        Ports.Parse("8080").ShouldBe(8080);
    }

    [Test, Task(2), Hint("A number that is not a port is a FormatException.")]
    public void Parse_refuses_a_port_above_65535()
    {
        Should.Throw<FormatException>(() => Ports.Parse("70000"));
    }
}
