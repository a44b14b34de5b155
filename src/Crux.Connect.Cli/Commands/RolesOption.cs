using System.CommandLine;
using Crux.Connect.Cli.Input;

namespace Crux.Connect.Cli.Commands;

/// <summary>The <c>--roles</c> option: a JSON file from role name to permission names.</summary>
internal static class RolesOption
{
    public static Option<string?> Create() => new("--roles")
    {
        Description = "A JSON file of roles, role name -> permission names: {\"viewer\": [\"view_org_users\", \"view_order\"]}.",
        HelpName = "file",
    };

    public static RolesFile? Load(ParseResult parseResult, Option<string?> option) =>
        parseResult.GetValue(option) is { } path ? RolesFile.Load(path) : null;
}
