using System.Text;
using Crux.Connect.Testing;

namespace Crux.Connect.Cli.Tests.Support;

/// <summary>A bulk file for simulator users: even users become viewers (a role), odd ones get a list of permissions.</summary>
public static class TeamFile
{
    public static readonly string[] Viewer = ["view_org_users", "view_order"];

    public static readonly string[] Listed = ["view_org_users", "view_order", "edit_items"];

    public const string Roles = """{"viewer": ["view_org_users", "view_order"], "buyer": ["view_org_users", "view_order", "cancel_order"]}""";

    public static string Csv(IEnumerable<SimulatedUser> users)
    {
        var text = new StringBuilder("user,role,permissions\n");
        int i = 0;
        foreach (SimulatedUser user in users)
        {
            text.Append(i++ % 2 == 0 ? $"{user.Uuid},viewer,\n" : $"{user.Uuid},,{string.Join(';', Listed)}\n");
        }

        return text.ToString();
    }

    public static string[] Desired(int index) => index % 2 == 0 ? Viewer : Listed;
}
