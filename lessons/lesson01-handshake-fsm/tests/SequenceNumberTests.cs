namespace NetCourse.Lesson01.Tests;

[Task(1)]
public class SequenceNumberTests
{
    [Test, Hint("For numbers far from the wrap, IsBefore is the ordinary a < b.")]
    public void Smaller_number_is_before_a_larger_one() =>
        SequenceNumber.IsBefore(5, 6).ShouldBeTrue("5 comes before 6.");

    [Test, Hint("IsBefore is strict: a number is not before itself.")]
    public void Number_is_not_before_itself() =>
        SequenceNumber.IsBefore(7, 7).ShouldBeFalse("7 does not come before 7.");

    [Test, Hint("For numbers far from the wrap, IsBefore is the ordinary a < b.")]
    public void Larger_number_is_not_before_a_smaller_one() =>
        SequenceNumber.IsBefore(6, 5).ShouldBeFalse("6 comes after 5, not before.");

    [Test, Points(2), Hint("See Hint 1.2: compute b - a in uint arithmetic and read the result as an int.")]
    public void Max_value_is_before_zero_because_sequence_numbers_wrap() =>
        SequenceNumber.IsBefore(0xFFFFFFFF, 0).ShouldBeTrue("After 0xFFFFFFFF comes 0: 0xFFFFFFFF is before 0 in sequence space.");

    [Test, Points(2), Hint("See Hint 1.2: a plain a < b says 0 is before 0xFFFFFFFF, but 0 comes one step after it.")]
    public void Zero_is_not_before_max_value() =>
        SequenceNumber.IsBefore(0, 0xFFFFFFFF).ShouldBeFalse("0 comes one step after 0xFFFFFFFF, so it is not before it.");

    [Test, Hint("Half the space ahead (2^31) is the limit: b is after a when b - a, as an int, is positive.")]
    public void Number_just_less_than_half_the_space_ahead_is_after() =>
        SequenceNumber.IsBefore(0xF000_0000, 0x6FFF_FFFF).ShouldBeTrue("0x6FFFFFFF is 0x7FFFFFFF steps ahead of 0xF0000000 (wrapping), so 0xF0000000 is before it.");

    [Test, Hint("IsBeforeOrEqual is IsBefore, or equal.")]
    public void Number_is_before_or_equal_to_itself() =>
        SequenceNumber.IsBeforeOrEqual(0xFFFFFFFF, 0xFFFFFFFF).ShouldBeTrue("A number is before or equal to itself.");

    [Test, Hint("IsBeforeOrEqual must wrap like IsBefore.")]
    public void Max_value_is_before_or_equal_to_zero() =>
        SequenceNumber.IsBeforeOrEqual(0xFFFFFFFF, 0).ShouldBeTrue("0xFFFFFFFF is before 0 in sequence space.");

    [Test, Hint("IsBeforeOrEqual must wrap like IsBefore.")]
    public void Zero_is_not_before_or_equal_to_max_value() =>
        SequenceNumber.IsBeforeOrEqual(0, 0xFFFFFFFF).ShouldBeFalse("0 comes after 0xFFFFFFFF in sequence space.");
}
