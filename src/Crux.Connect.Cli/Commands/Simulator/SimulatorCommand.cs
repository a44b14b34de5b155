using System.CommandLine;

namespace Crux.Connect.Cli.Commands.Simulator;

/// <summary><c>crux simulator</c>: the embedded simulator that --simulator runs against.</summary>
internal static class SimulatorCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var simulatorCommand = new Command("simulator", "The embedded simulator that --simulator runs against.") { UsersCommand.Create(runner, examples) };
        examples.Add(simulatorCommand, "crux simulator users");
        return simulatorCommand;
    }
}
