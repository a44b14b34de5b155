using Crux.Connect.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Validates <see cref="CruxClientOptions"/> at start-up, listing every problem at once (and never the token), with the
/// same "not valid" context as the constructor's, the client's name and the configuration key of each problem. A valid
/// client that would send to the Sandbox while the host runs as Production is logged as a warning.
/// </summary>
internal sealed class CruxClientOptionsValidator : IValidateOptions<CruxClientOptions>
{
    // Messages from CruxOptionsValidation start with the option they are about; longest first so "Timeout" does not match "AttemptTimeout".
    private static readonly string[] OptionPaths =
    [
        "PermissionCatalogLifetime", "Retry.MaxRetries", "Retry.BaseDelay", "Retry.MaxDelay", "AttemptTimeout", "BaseAddress", "ApiVersion", "ApiToken", "Timeout",
    ];

    private readonly IServiceProvider _provider;

    public CruxClientOptionsValidator(IServiceProvider provider) => _provider = provider;

    public ValidateOptionsResult Validate(string? name, CruxClientOptions options)
    {
        List<string> errors = CruxOptionsValidation.Validate(options);
        if (options is null)
        {
            return ValidateOptionsResult.Fail(errors);
        }

        CruxConfigurationKeys? keys = options.ConfigurationKeys;
        if (errors.Count == 0 && options.BindingErrors.Count == 0)
        {
            WarnIfSandboxInProduction(name, options, keys);
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>(errors.Count + options.BindingErrors.Count + 1) { Context(name, keys) };
        failures.AddRange(options.BindingErrors);
        failures.AddRange(keys is null ? errors : errors.Select(e => WithKey(e, keys)));
        return ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The first failure, so that the exception's message (failures joined by "; ") reads like the constructor's.</summary>
    private static string Context(string? name, CruxConfigurationKeys? keys)
    {
        var where = new List<string>(2);
        if (!string.IsNullOrEmpty(name))
        {
            where.Add($"client '{name}'");
        }

        if (keys is not null)
        {
            where.Add(keys.SectionPath.Length == 0 ? "the configuration root" : $"configuration section '{keys.SectionPath}'");
        }

        return "The Crux Connect client options are not valid" + (where.Count == 0 ? string.Empty : " (" + string.Join(", ", where) + ")");
    }

    private static string WithKey(string error, CruxConfigurationKeys keys)
    {
        foreach (string path in OptionPaths)
        {
            if (error.StartsWith(path + " ", StringComparison.Ordinal))
            {
                string relative = path.Replace('.', ':');
                return $"{error.TrimEnd('.')} (configuration key '{keys.Key(relative)}', environment variable {keys.EnvironmentVariable(relative)}).";
            }
        }

        return error;
    }

    /// <summary>
    /// The default address is the Sandbox: a production deployment that forgot BaseAddress sends its production token there
    /// and sees only "Invalid token". The host's environment is read from configuration ("environment", which the generic
    /// host and ASP.NET Core set from DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT), so the library needs no hosting package.
    /// </summary>
    private void WarnIfSandboxInProduction(string? name, CruxClientOptions options, CruxConfigurationKeys? keys)
    {
        if (!string.Equals(options.BaseAddress.Host, CruxEnvironments.Sandbox.Host, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(_provider.GetService<IConfiguration>()?["environment"], "Production", StringComparison.OrdinalIgnoreCase)
            || _provider.GetService<ILoggerFactory>() is not { } loggerFactory)
        {
            return;
        }

        CruxStartupLog.SandboxInProduction(
            loggerFactory.CreateLogger(Diagnostics.CruxTelemetry.Name),
            string.IsNullOrEmpty(name) ? "(unnamed)" : name!,
            options.BaseAddress.Host,
            keys?.Key("BaseAddress") ?? "BaseAddress");
    }
}
