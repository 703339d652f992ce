namespace NetCourse.Lesson01;

// Given code: handed over complete, shared by link with the solution, and taken from the
// trusted checkout when a submission is graded.
public static class PortLimits
{
    public const int Highest = 65535;
}
