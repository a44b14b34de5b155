using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>A checked file (or a plan file), the connection and the catalog, ready to plan or apply.</summary>
internal sealed record PreparedBulk(string Path, string? RolesPath, CliConnection Connection, CatalogIndex Catalog, List<DesiredUser> Users) : IDisposable
{
    public void Dispose() => Connection.Dispose();
}
