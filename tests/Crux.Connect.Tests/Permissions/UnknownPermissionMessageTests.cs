namespace Crux.Connect.Tests.Permissions;

/// <summary>The catalog's names are server text: in the message of CruxUnknownPermissionException they are escaped, cut and counted.</summary>
public class UnknownPermissionMessageTests
{
    [Theory]
    [InlineData("Edit\r\nINFO forged log line")]
    [InlineData("Admin\u202Eesrever")]
    [InlineData("tab\there\u2028line")]
    [InlineData("nul\0byte\u001b[31mred")]
    public void Message_CatalogNameWithControlOrBidiCharacters_IsEscaped(string hostileName)
    {
        var exception = new CruxUnknownPermissionException(["Nope\n"], ["Can view", hostileName], "names");

        Assert.DoesNotContain(hostileName, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', exception.Message);
        Assert.DoesNotContain('\r', exception.Message);
        Assert.DoesNotContain('\u202E', exception.Message);
        Assert.DoesNotContain('\u001b', exception.Message);
        Assert.Equal(hostileName, exception.ValidNames[1]);
    }

    [Fact]
    public void Message_AHugeCatalog_IsBounded()
    {
        string[] names = Enumerable.Range(0, 5000).Select(i => $"Permission number {i} " + new string('x', 500)).ToArray();

        var exception = new CruxUnknownPermissionException(["Nope"], names, "names");

        Assert.True(exception.Message.Length < 40_000, $"message of {exception.Message.Length} chars");
        Assert.Contains("4900 more", exception.Message, StringComparison.Ordinal);
    }
}
