using System.CommandLine;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;
using Crux.Connect.Testing;

using Spectre.Console;

namespace Crux.Connect.Cli.Commands.Simulator;

/// <summary><c>crux simulator users</c>: the users every <c>crux --simulator</c> run starts with, to try the other commands on.</summary>
internal static class UsersCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var users = new Command("users", $"List the simulator's users (the same uuids in every run): seeded admins, viewers, members, and {SimulatorWorld.ExtraUsers} more per organization (user1..user{SimulatorWorld.ExtraUsers}@supplier.example, user{SimulatorWorld.ExtraUsers + 1}..user{2 * SimulatorWorld.ExtraUsers}@retailer.example).");
        runner.SetAction(users, static (_, context) => Task.FromResult(Run(context)));
        examples.Add(users, "crux simulator users", "crux simulator users --output json");
        return users;
    }

    public static int Run(CliContext context)
    {
        var world = new SimulatorWorld();
        CruxSimulator simulator = world.Simulator;
        IReadOnlyList<SimulatedUser> all = world.Users;
        if (context.Json)
        {
            context.WriteJson(
                new JsonSimulatorUsers([.. all.Select(u => new JsonSimulatorUser(u.Uuid, u.Username, u.Organization.Name, simulator.GetAssignedPermissionNames(u.Uuid)))]),
                CliJsonContext.Readable.JsonSimulatorUsers);
        }
        else
        {
            context.Out.Write(Tables.SimulatorUsers([.. all.Select(u => (u.Uuid, u.Username, u.Organization.Name, simulator.GetAssignedPermissionNames(u.Uuid)))]));
            context.Out.WriteLine("Every 'crux --simulator' run starts from this state; without credentials it acts as admin@supplier.example.");
        }

        return ExitCodes.Success;
    }
}
