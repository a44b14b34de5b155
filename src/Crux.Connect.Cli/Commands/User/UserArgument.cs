using System.CommandLine;

namespace Crux.Connect.Cli.Commands.User;

/// <summary>The user argument: a user's uuid (the API has no look-up by name or e-mail).</summary>
internal static class UserArgument
{
    public static Argument<string> Create() => new("user") { Description = "The user's uuid." };

    public static Guid Parse(ParseResult parseResult, Argument<string> argument)
    {
        string value = parseResult.GetRequiredValue(argument).Trim();
        return Guid.TryParse(value, out Guid uuid) && uuid != Guid.Empty
            ? uuid
            : throw new UsageException($"'{value}' is not a user uuid (like 2f6c0d4e-8a55-4b1e-9a63-1c2d3e4f5a6b).");
    }
}
