namespace NetCourse.Lesson01;
public static class Probe { public static int Answer() => 42; }
