namespace NetCourse.Lesson04.Tests;

[Task(1)]
public class FileNamesTests
{
    [TestCase("report.pdf")]
    [TestCase("résumé 2026.txt")]
    [TestCase("日本語のファイル.txt")]
    [TestCase(".profile")]
    [TestCase("a..b")]
    [Hint("A plain name (any language, spaces, dots inside) names a file in the folder: return null.")]
    public void Safe_name_is_accepted(string name)
    {
        FileNames.Problem(name).ShouldBeNull($"'{name}' is a plain file name and must be accepted.");
    }

    [TestCase("", TestName = "Empty_name_is_refused")]
    [TestCase(".", TestName = "Dot_is_refused")]
    [TestCase("..", TestName = "Dot_dot_is_refused")]
    [TestCase("../etc/passwd", TestName = "Name_climbing_out_of_the_folder_is_refused")]
    [TestCase("/etc/passwd", TestName = "Absolute_Unix_path_is_refused")]
    [TestCase("sub/file.txt", TestName = "Name_with_a_slash_is_refused")]
    [TestCase("..\\boot.ini", TestName = "Name_with_a_backslash_is_refused")]
    [TestCase("C:\\Windows\\win.ini", TestName = "Absolute_Windows_path_is_refused")]
    [TestCase("C:notes.txt", TestName = "Drive_relative_Windows_path_is_refused")]
    [TestCase("CON", TestName = "Reserved_device_name_CON_is_refused")]
    [TestCase("nul.txt", TestName = "Reserved_device_name_with_an_extension_is_refused")]
    [TestCase("Lpt1", TestName = "Reserved_device_name_in_any_case_is_refused")]
    [TestCase("a\0b", TestName = "Name_with_a_NUL_character_is_refused")]
    [TestCase("line\nbreak", TestName = "Name_with_a_control_character_is_refused")]
    [TestCase("notes.", TestName = "Name_ending_with_a_dot_is_refused")]
    [TestCase("notes ", TestName = "Name_ending_with_a_space_is_refused")]
    [Hint("See Hint 1.1 and 1.2: a name must name a file directly inside the folder on Linux, macOS and Windows alike.")]
    public void Hostile_name_is_refused(string name)
    {
        FileNames.Problem(name).ShouldNotBeNull($"\"{name.Replace("\0", "\\0").Replace("\n", "\\n")}\" must be refused with a reason.");
    }

    private static readonly string[] ReservedDeviceNames =
    [
        "CON", "PRN", "AUX", "NUL",
        "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ];

    [TestCaseSource(nameof(ReservedDeviceNames))]
    [Hint("See Hint 1.2: all of CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 are devices on Windows, in any case and with any extension.")]
    public void Every_reserved_device_name_with_an_extension_is_refused(string device)
    {
        var name = device.ToLowerInvariant() + ".log";
        FileNames.Problem(name).ShouldNotBeNull($"'{name}' opens the {device} device on Windows and must be refused.");
    }

    [TestCase("a<b.txt")]
    [TestCase("a>b.txt")]
    [TestCase("say \"hi\".txt")]
    [TestCase("a|b.txt")]
    [TestCase("why?.txt")]
    [TestCase("*.txt")]
    [Hint("See Hint 1.2: Windows forbids < > \" | ? * in file names: refuse each of them.")]
    public void Name_with_a_character_Windows_forbids_is_refused(string name)
    {
        FileNames.Problem(name).ShouldNotBeNull($"'{name}' holds a character Windows forbids in file names.");
    }

    [Test, Hint("Count UTF-8 bytes (Encoding.UTF8.GetByteCount), not chars: 86 Japanese characters are 258 bytes.")]
    public void Name_over_255_UTF8_bytes_is_refused()
    {
        FileNames.Problem(new string('日', 86)).ShouldNotBeNull("86 × '日' is 258 UTF-8 bytes, over the 255 allowed.");
    }

    [Test, Hint("The limit is inclusive: 255 UTF-8 bytes is allowed.")]
    public void Name_of_exactly_255_UTF8_bytes_is_accepted()
    {
        FileNames.Problem(new string('日', 85)).ShouldBeNull("85 × '日' is exactly 255 UTF-8 bytes.");
    }
    [Test, Hint("See Hint 1.1: a lone surrogate has no UTF-8 form: count bytes with an encoding that throws (new UTF8Encoding(false, true)) and refuse the name.")]
    public void Name_that_is_not_valid_Unicode_is_refused()
    {
        FileNames.Problem("half\uD800.txt").ShouldNotBeNull("A lone surrogate is not a character: the name has no UTF-8 form.");
    }

    // Named by the rule, not the name: the long name's 86 characters would fill the report's line.
    private static IEnumerable<TestCaseData> RefusedNamesByRule() =>
    [
        new TestCaseData("", "being empty").SetArgDisplayNames("being empty"),
        new TestCaseData("half\uD800.txt", "not being valid Unicode").SetArgDisplayNames("not being valid Unicode"),
        new TestCaseData(new string('日', 86), "being over 255 UTF-8 bytes").SetArgDisplayNames("being over 255 UTF-8 bytes"),
        new TestCaseData("..", "being the parent folder").SetArgDisplayNames("being the parent folder"),
        new TestCaseData("sub/file.txt", "a path separator").SetArgDisplayNames("a path separator"),
        new TestCaseData("a:b", "a colon").SetArgDisplayNames("a colon"),
        new TestCaseData("line\nbreak", "a control character").SetArgDisplayNames("a control character"),
        new TestCaseData("a<b.txt", "a character Windows forbids").SetArgDisplayNames("a character Windows forbids"),
        new TestCaseData("notes.", "a trailing dot").SetArgDisplayNames("a trailing dot"),
        new TestCaseData("CON", "a reserved device name").SetArgDisplayNames("a reserved device name"),
    ];

    [TestCaseSource(nameof(RefusedNamesByRule))]
    [Hint("A refused name gets a reason in words (the receiver sends it back in its InvalidName reply), never an empty string.")]
    public void Refused_name_gets_a_reason_in_words(string name, string rule)
    {
        FileNames.Problem(name).ShouldNotBeNullOrWhiteSpace($"A name refused for {rule} must come with a reason in words.");
    }
}
