using System.CommandLine;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;
using Crux.Connect.Testing;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Crux.Connect.Cli.Commands;

/// <summary><c>crux simulator users</c>: the users every <c>crux --simulator</c> run starts with, to try the other commands on.</summary>
internal static class SimulatorCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var users = new Command("users", $"List the simulator's users (the same uuids in every run): seeded admins, viewers, members, and {SimulatorWorld.ExtraUsers} more per organization (user1..user{SimulatorWorld.ExtraUsers}@supplier.example, user{SimulatorWorld.ExtraUsers + 1}..user{2 * SimulatorWorld.ExtraUsers}@retailer.example).");
        runner.SetAction(users, static (_, context) =>
        {
            var world = new SimulatorWorld();
            CruxSimulator simulator = world.Simulator;
            IReadOnlyList<SimulatedUser> all = world.Users;
            if (context.Json)
            {
                context.WriteJson(
                    new JsonSimulatorUsers([.. all.Select(u => new JsonSimulatorUser(u.Uuid, u.Username, u.Organization.Name, simulator.GetAssignedPermissionNames(u.Uuid)))]),
                    CliJsonContext.Default.JsonSimulatorUsers);
            }
            else
            {
                var table = new Table().Border(TableBorder.Rounded).AddColumns("Uuid", "User name", "Organization", "Permissions");
                foreach (SimulatedUser u in all)
                {
                    table.AddRow(new IRenderable[]
                    {
                        new Text(u.Uuid.ToString("D")), new Text(u.Username), new Text(u.Organization.Name),
                        new Text(string.Join(", ", simulator.GetAssignedPermissionNames(u.Uuid))),
                    });
                }

                context.Out.Write(table);
                context.Out.WriteLine("Every 'crux --simulator' run starts from this state; without credentials it acts as admin@supplier.example.");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        examples.Add(users, "crux simulator users", "crux simulator users --output json");

        var simulatorCommand = new Command("simulator", "The embedded simulator that --simulator runs against.") { users };
        examples.Add(simulatorCommand, "crux simulator users");
        return simulatorCommand;
    }
}
