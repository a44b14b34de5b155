using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Binds a configuration section to <see cref="CruxClientOptions"/> by hand: reflection-free (so trimming
/// and Native AOT keep working) and precise about what is wrong. A value that does not parse is recorded
/// and reported by validation at start-up, by key, without echoing secrets.
/// </summary>
internal static class CruxConfigurationBinder
{
    public static void Bind(IConfiguration section, CruxClientOptions options)
    {
        if (section[nameof(CruxClientOptions.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            if (Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri))
            {
                options.BaseAddress = uri;
            }
            else
            {
                options.BindingErrors.Add($"Configuration key 'BaseAddress' ('{baseAddress}') is not an absolute URI.");
            }
        }

        if (section[nameof(CruxClientOptions.ApiToken)] is { } token)
        {
            options.ApiToken = token;
        }

        IConfigurationSection credentials = section.GetSection(nameof(CruxClientOptions.Credentials));
        string? username = credentials[nameof(CruxCredentials.Username)];
        string? password = credentials[nameof(CruxCredentials.Password)];
        if (!string.IsNullOrWhiteSpace(username) && !string.IsNullOrWhiteSpace(password))
        {
            options.Credentials = new CruxCredentials(username!, password!);
        }
        else if (!string.IsNullOrWhiteSpace(username) || !string.IsNullOrWhiteSpace(password))
        {
            // Which key is missing, never the value of the one that is present.
            options.BindingErrors.Add("Configuration keys 'Credentials:Username' and 'Credentials:Password' must be set together.");
        }

        if (section[nameof(CruxClientOptions.ApiVersion)] is { Length: > 0 } version)
        {
            if (Enum.TryParse(version, ignoreCase: true, out CruxApiVersion apiVersion))
            {
                options.ApiVersion = apiVersion;
            }
            else
            {
                options.BindingErrors.Add($"Configuration key 'ApiVersion' ('{version}') is not one of: V1, Timpanogos.");
            }
        }

        BindTimeSpan(section, nameof(CruxClientOptions.AttemptTimeout), options, static (o, v) => o.AttemptTimeout = v);
        BindTimeSpan(section, nameof(CruxClientOptions.Timeout), options, static (o, v) => o.Timeout = v);
        BindTimeSpan(section, nameof(CruxClientOptions.PermissionCatalogLifetime), options, static (o, v) => o.PermissionCatalogLifetime = v);

        IConfigurationSection retry = section.GetSection(nameof(CruxClientOptions.Retry));
        if (retry[nameof(CruxRetryOptions.MaxRetries)] is { Length: > 0 } maxRetries)
        {
            if (int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                options.Retry.MaxRetries = value;
            }
            else
            {
                options.BindingErrors.Add($"Configuration key 'Retry:MaxRetries' ('{maxRetries}') is not a whole number.");
            }
        }

        BindTimeSpan(retry, "Retry:" + nameof(CruxRetryOptions.BaseDelay), options, static (o, v) => o.Retry.BaseDelay = v, nameof(CruxRetryOptions.BaseDelay));
        BindTimeSpan(retry, "Retry:" + nameof(CruxRetryOptions.MaxDelay), options, static (o, v) => o.Retry.MaxDelay = v, nameof(CruxRetryOptions.MaxDelay));
    }

    private static void BindTimeSpan(
        IConfiguration section, string displayKey, CruxClientOptions options, Action<CruxClientOptions, TimeSpan> assign, string? key = null)
    {
        if (section[key ?? displayKey] is not { Length: > 0 } text)
        {
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            assign(options, value);
        }
        else
        {
            options.BindingErrors.Add($"Configuration key '{displayKey}' ('{text}') is not a time span such as 00:00:30.");
        }
    }
}
