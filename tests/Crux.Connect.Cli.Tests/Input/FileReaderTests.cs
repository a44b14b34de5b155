using System.Text;
using Crux.Connect.Cli.Commands.Bulk;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Output;
using Crux.Connect.Cli.Tests.Support;

namespace Crux.Connect.Cli.Tests.Input;

public class FileReaderTests
{
    private const string A = "3c2ef0c2-d6dc-4925-84b4-a68021711ae6";
    private const string B = "2e381876-df4e-4ad4-9db0-0191e0ffd252";

    [Fact]
    public void CsvParser_QuotesCommentsBlankLinesAndCrLf_FieldsAndPositions()
    {
        List<CsvRecord> records = CsvParser.Parse("t.csv", "\uFEFF# a comment\r\nuser,permissions\r\n\r\n\"a,b\",\"say \"\"hi\"\"\"\r\nx,\n");

        Assert.Equal(3, records.Count);
        Assert.Equal(["user", "permissions"], records[0].Fields.Select(f => f.Value));
        Assert.Equal(["a,b", "say \"hi\""], records[1].Fields.Select(f => f.Value));
        Assert.Equal(new SourcePosition(4, 7), records[1].Fields[1].Position);
        Assert.Equal(new SourcePosition(4, 8), records[1].Fields[1].ContentPosition);
        Assert.Equal(["x", string.Empty], records[2].Fields.Select(f => f.Value));
    }

    [Fact]
    public void CsvUsersReader_PermissionsRoleAndExtraColumns_Read()
    {
        List<UserRow> rows = CsvUsersReader.Read("t.csv", $"error,Permissions,USER,role\nboom,\"view_order; edit_items\",{A},\nx,,{B},viewer\n");

        Assert.Equal(2, rows.Count);
        Assert.Equal(Guid.Parse(A), rows[0].User);
        Assert.Equal(["view_order", "edit_items"], rows[0].Permissions.Select(p => p.Value));
        Assert.Equal(new SourcePosition(2, 19), rows[0].Permissions[1].Position);
        Assert.Null(rows[0].Role);
        Assert.Equal("viewer", rows[1].Role!.Value);
        Assert.Empty(rows[1].Permissions);
    }

    [Fact]
    public void JsonUsersReader_ArrayAndJsonLinesAndAStringList_Read()
    {
        string array = $"[{{\"user\": \"{A}\", \"permissions\": [\"view_order\"], \"note\": {{\"x\": [1]}}}}, {{\"user\": \"{B}\", \"role\": \"viewer\"}},]";
        string lines = $"{{\"user\": \"{A}\", \"permissions\": \"view_order edit_items\"}}\n// a comment\n{{\"user\": \"{B}\", \"role\": \"viewer\"}}\n";

        List<UserRow> fromArray = JsonUsersReader.Read("t.json", Encoding.UTF8.GetBytes(array));
        List<UserRow> fromLines = JsonUsersReader.Read("t.jsonl", Encoding.UTF8.GetBytes(lines));

        Assert.Equal([Guid.Parse(A), Guid.Parse(B)], fromArray.Select(r => r.User));
        Assert.Equal(["view_order"], fromArray[0].Permissions.Select(p => p.Value));
        Assert.Equal("viewer", fromArray[1].Role!.Value);
        Assert.Equal(["view_order", "edit_items"], fromLines[0].Permissions.Select(p => p.Value));
        Assert.Equal(new SourcePosition(3, 1), fromLines[1].Position);
    }

    [Fact]
    public void ByteLines_MultiByteCharactersBeforeTheOffset_ColumnInCharacters()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("ab\n\"é\": x");
        var lines = new ByteLines(bytes);

        Assert.Equal(new SourcePosition(2, 6), lines.At(bytes.Length - 1));
    }

    [Fact]
    public void UsersFile_ContentDecidesForAnUnknownExtension()
    {
        using var folder = new TempFolder();
        string json = folder.Write("team.txt", $"  [{{\"user\": \"{A}\", \"role\": \"viewer\"}}]");
        string csv = folder.Write("team.dat", $"user,role\n{A},viewer\n");

        Assert.Equal(Guid.Parse(A), UsersFile.Load(json).Single().User);
        Assert.Equal(Guid.Parse(A), UsersFile.Load(csv).Single().User);
    }

    [Fact]
    public void FailedUsersFile_WrittenThenRead_SameRows()
    {
        using var folder = new TempFolder();
        List<UserRow> rows = CsvUsersReader.Read("t.csv", $"user,permissions,role\n{A},view_order;edit_items,\n{B},,viewer\n");
        Changes.UserOutcome[] left =
        [
            new(new DesiredUser(rows[0], []), Changes.UserStatus.Failed, null, new InvalidOperationException("boom, \"quoted\"\nnext line")),
            new(new DesiredUser(rows[1], []), Changes.UserStatus.NotStarted, null, null),
        ];
        string path = folder.File("t.failed.csv");

        FailedUsersFile.Write(path, left);
        List<UserRow> again = CsvUsersReader.Read(path, File.ReadAllText(path));

        Assert.Equal(rows.Select(r => (r.User, string.Join(';', r.Permissions.Select(p => p.Value)), r.Role?.Value)),
            again.Select(r => (r.User, string.Join(';', r.Permissions.Select(p => p.Value)), r.Role?.Value)));
        Assert.Contains("not started (cancelled)", File.ReadAllText(path));
    }
}
