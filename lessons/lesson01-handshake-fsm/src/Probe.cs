namespace NetCourse.Lesson01;
public static class Probe { public static int Answer() => throw new NotImplementedException("Return 42."); }
