using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Files;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands;

/// <summary>The file argument and the options plan and apply share.</summary>
internal sealed class BulkFileOptions
{
    private readonly Argument<string> _file = new("file") { Description = "A CSV (header user,permissions or user,role) or JSON file ([{\"user\": ..., \"permissions\": [...]}] or JSON Lines)." };
    private readonly Option<string?> _roles = RolesOption.Create();
    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = $"How many users are changed at a time (1 to {BulkRun.MaxConcurrency}).",
        DefaultValueFactory = _ => BulkRun.DefaultConcurrency,
        HelpName = "n",
    };

    public BulkFileOptions()
    {
        _concurrency.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 1 || value > BulkRun.MaxConcurrency)
            {
                result.AddError($"--concurrency must be from 1 to {BulkRun.MaxConcurrency}.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_roles);
        command.Options.Add(_concurrency);
    }

    public int Concurrency(ParseResult parseResult) => parseResult.GetValue(_concurrency);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The connection is disposed on failure and otherwise handed to PreparedBulk, which disposes it.")]
    public async Task<PreparedBulk> PrepareAsync(ParseResult parseResult, CliContext context)
    {
        // The files first: a missing or malformed one stops the run before any connection is made.
        string path = parseResult.GetRequiredValue(_file);
        List<UserRow> rows = UsersFile.Load(path);
        RolesFile? roles = RolesOption.Load(parseResult, _roles);

        CliConnection connection = await context.ConnectAsync().ConfigureAwait(false);
        try
        {
            context.AnnounceEnvironment(connection.Environment);
            CatalogIndex catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
            List<DesiredUser> users = DesiredUsers.Resolve(path, rows, roles, catalog);
            context.Note($"{users.Count:N0} users from {path}.");
            return new PreparedBulk(path, parseResult.GetValue(_roles), connection, catalog, users);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
