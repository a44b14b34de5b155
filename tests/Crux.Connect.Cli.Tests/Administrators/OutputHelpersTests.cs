using Crux.Connect.Cli.Output;

namespace Crux.Connect.Cli.Tests.Administrators;

/// <summary>The small pieces the 80-column tables and the friendlier messages stand on.</summary>
public class OutputHelpersTests
{
    [Fact]
    public void ShortUuids_SharedPrefixes_LongEnoughToBeUnique()
    {
        Guid a = Guid.Parse("12345678-9abc-4def-8123-456789abcdef");
        Guid b = Guid.Parse("12345678-9abd-4def-8123-456789abcdef");
        Guid c = Guid.Parse("ffffffff-0000-4000-8000-000000000000");

        var ids = new ShortUuids([a, b, c], wide: false);
        var wide = new ShortUuids([a, b, c], wide: true);

        Assert.Equal("12345678-9abc", ids.Of(a));
        Assert.Equal("12345678-9abd", ids.Of(b));
        Assert.Equal("ffffffff-0000", ids.Of(c));
        Assert.Equal(c.ToString("D"), wide.Of(c));
        Assert.Equal("ffffffff", new ShortUuids([c, a], wide: false).Of(c));
    }

    [Theory]
    [InlineData("usr", "user")]
    [InlineData("remvoe", "remove")]
    [InlineData("view_order_", "view_order")]
    [InlineData("allocate", "allocate_order")]
    public void DidYouMean_CloseWords_Suggested(string typed, string expected)
    {
        string[] known = ["user", "remove", "view_order", "view_items", "allocate_order", "catalog"];

        Assert.Contains($"'{expected}'", DidYouMean.Suggest(typed, known));
    }

    [Theory]
    [InlineData("zzzzzz")]
    [InlineData("")]
    [InlineData("x")]
    public void DidYouMean_NothingClose_NoSuggestion(string typed) =>
        Assert.Equal(string.Empty, DidYouMean.Suggest(typed, ["user", "remove", "view_order"]));

    [Fact]
    public void TerminalText_LongText_CutAndSaysHowMuch()
    {
        string quoted = TerminalText.Quote(new string('a', 10_000));

        Assert.True(quoted.Length < TerminalText.MaxLength + 40, quoted);
        Assert.EndsWith("(9,800 more characters)'", quoted);
    }

    [Fact]
    public void TerminalText_PlainTextUnchangedControlsVisible()
    {
        Assert.Equal("édition_ok 日本", TerminalText.Escape("édition_ok 日本"));
        Assert.Equal("a\\u001b[31mb\\u000d\\u000ac\\u0085", TerminalText.Escape("a\u001b[31mb\r\nc\u0085"));
    }
}
