using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Output;

using Spectre.Console;

namespace Crux.Connect.Cli.Commands.User;

/// <summary>What <c>user add|remove|set</c> did (or, dry run, would do), for people and for scripts. "Removed" and "Added" are
/// only ever what the server confirmed; what needed nothing is said as such (not held, already held, kept).</summary>
internal sealed record UserChangeReport(Guid User, string Operation, bool DryRun)
{
    public IReadOnlyList<Permission> Removed { get; init; } = [];

    public IReadOnlyList<Permission> Added { get; init; } = [];

    public IReadOnlyList<Permission> Unchanged { get; init; } = [];

    public IReadOnlyList<Permission> NotHeld { get; init; } = [];

    public IReadOnlyList<Permission> AlreadyHeld { get; init; } = [];

    public void Write(CliContext context, CliConnection connection)
    {
        if (context.Json)
        {
            context.WriteJson(
                new JsonChange(connection.Environment.Name, User, Operation, DryRun, Names(Removed), Names(Added), Names(Unchanged), Names(NotHeld), Names(AlreadyHeld)),
                CliJsonContext.Readable.JsonChange);
            return;
        }

        context.Out.WriteLine($"User {User:D}{(DryRun ? " (dry run: nothing changed)" : string.Empty)}");
        if (Removed.Count == 0 && Added.Count == 0)
        {
            context.Out.WriteLine(Operation == "set" ? "  Already as desired: nothing to change." : "  Nothing to change.");
        }

        Line(context, DryRun ? "Would remove" : "Removed", Removed);
        Line(context, DryRun ? "Would add" : "Added", Added);
        Line(context, "Kept", Unchanged);
        Line(context, "Not held (nothing to remove)", NotHeld);
        Line(context, "Already held (nothing to add)", AlreadyHeld);
    }

    private static IReadOnlyList<string> Names(IReadOnlyList<Permission> permissions) => [.. permissions.Select(p => p.Name)];

    private static void Line(CliContext context, string label, IReadOnlyList<Permission> permissions)
    {
        if (permissions.Count > 0)
        {
            context.Out.WriteLine($"  {label}: {TerminalText.Escape(string.Join(", ", Names(permissions)))}");
        }
    }
}
