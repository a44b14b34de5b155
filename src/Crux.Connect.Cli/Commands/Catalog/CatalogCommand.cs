using System.CommandLine;

namespace Crux.Connect.Cli.Commands.Catalog;

/// <summary><c>crux catalog</c>: the permission catalog.</summary>
internal static class CatalogCommand
{
    public static Command Create(CommandRunner runner, Examples examples)
    {
        var catalog = new Command("catalog", "The permission catalog.") { ListCommand.Create(runner, examples) };
        examples.Add(catalog, "crux --simulator catalog list");
        return catalog;
    }
}
