using System.CommandLine;
using Crux.Connect.Cli.Connection;

namespace Crux.Connect.Cli.Commands.User;

/// <summary><c>crux user show|add|remove|set</c>: one user's permissions.</summary>
internal static class UserCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var user = new Command("user", "One user's permissions: show them, add or remove some, or set them to exactly a list.")
        {
            ShowCommand.Create(runner, examples),
            AddCommand.Create(runner, examples),
            RemoveCommand.Create(runner, examples),
            SetCommand.Create(runner, examples),
        };
        examples.Add(user, $"crux --simulator user show {SimulatorSeed.SupplierMember}   (uuids: crux simulator users)");
        return user;
    }
}
