using System.CommandLine;
using Crux.Connect.Cli.Changes;
using Crux.Connect.Cli.Connection;
using Crux.Connect.Cli.Input;
using Crux.Connect.Cli.Permissions;

namespace Crux.Connect.Cli.Commands.Bulk;

/// <summary>The file argument and the options plan and apply share.</summary>
internal sealed class BulkFileOptions
{
    private readonly Argument<string?> _file = new("file")
    {
        Description = "A CSV (header user,permissions or user,role; ',' or ';' separated) or JSON file ([{\"user\": ..., \"permissions\": [...]}] or JSON Lines).",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<string?> _roles = RolesOption.Create();
    private readonly Option<int> _concurrency = new("--concurrency")
    {
        Description = $"How many users are changed at a time (1 to {CruxBulkOptions.MaxConcurrencyLimit}).",
        DefaultValueFactory = _ => CruxBulkOptions.DefaultMaxConcurrency,
        HelpName = "n",
    };

    private readonly Option<string?> _label = new("--label")
    {
        Description = "The file's column (or JSON property) shown beside each user, e.g. email. Default: an 'email' or 'name' column, if there is one.",
        HelpName = "column",
    };

    private readonly Option<bool> _showAll = new("--show-all")
    {
        Description = $"List every user in the plan table (by default a plan of more than {Output.Tables.AllRowsUpTo} users is summarised: counts per change and the first users).",
    };

    public BulkFileOptions()
    {
        _concurrency.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < 1 || value > CruxBulkOptions.MaxConcurrencyLimit)
            {
                result.AddError($"--concurrency must be from 1 to {CruxBulkOptions.MaxConcurrencyLimit}.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Arguments.Add(_file);
        command.Options.Add(_roles);
        command.Options.Add(_concurrency);
        command.Options.Add(_label);
        command.Options.Add(_showAll);
    }

    public int Concurrency(ParseResult parseResult) => parseResult.GetValue(_concurrency);

    public bool ShowAll(ParseResult parseResult) => parseResult.GetValue(_showAll);

    public string? File(ParseResult parseResult) => parseResult.GetValue(_file);

    public string? Roles(ParseResult parseResult) => parseResult.GetValue(_roles);

    public string? Label(ParseResult parseResult) => parseResult.GetValue(_label);

    /// <summary>Reads the whole file (and the roles file), connects, reads the catalog once, and resolves every user; every
    /// problem of the files is reported at once, with nothing sent but the catalog read.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA2000:Dispose objects before losing scope", Justification = "The connection is disposed on failure and otherwise handed to PreparedBulk, which disposes it.")]
    public static async Task<PreparedBulk> PrepareAsync(CliContext context, string path, string? rolesPath, string? label)
    {
        var problems = new InputProblems();
        List<UserRow> rows = UsersFile.Load(path, problems, label);
        RolesFile? roles = null;
        if (rolesPath is not null)
        {
            try
            {
                roles = RolesFile.Load(rolesPath);
            }
            catch (UsageException problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            // The file cannot be used as it is: check the rest of it against the documented names, and send nothing.
            _ = DesiredUsers.Resolve(path, rows, roles, CatalogIndex.Offline, problems);
            problems.ThrowIfAny("Permission names were checked against the documented ones (see 'crux catalog list'); nothing was sent.");
        }

        CliConnection connection;
        CatalogIndex catalog;
        connection = await context.ConnectAsync().ConfigureAwait(false);

        try
        {
            context.AnnounceEnvironment(connection.Environment);
            catalog = await CatalogIndex.LoadAsync(connection.Users, context.Host.Stop).ConfigureAwait(false);
            List<DesiredUser> users = DesiredUsers.Resolve(path, rows, roles, catalog, problems);
            problems.ThrowIfAny(problems.Any(p => p.Contains("unknown permission", StringComparison.Ordinal)) ? catalog.ValidNames : null);
            context.Note($"{users.Count:N0} users from {Output.TerminalText.Escape(path)}.");
            return new PreparedBulk(path, rolesPath, connection, catalog, users);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
