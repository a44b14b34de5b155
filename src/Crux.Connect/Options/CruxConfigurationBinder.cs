using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Crux.Connect.DependencyInjection;

/// <summary>
/// Binds a configuration section to <see cref="CruxClientOptions"/> by hand: reflection-free (so trimming and Native AOT
/// keep working) and precise about what is wrong, which the configuration binder (reflection or source-generated) is not:
/// it ignores unknown keys (or names one without the key meant), reads <c>"30"</c> as 30 days, and throws at the first
/// bad value. Here every problem is recorded, by its full key (<c>CruxConnect:Timeout</c>), and reported by validation at
/// start-up all at once, never echoing a secret.
/// </summary>
internal static class CruxConfigurationBinder
{
    [SuppressMessage("Usage", "CA2263:Prefer generic overload when type is known", Justification = "Enum.IsDefined<TEnum> does not exist on netstandard2.0, which compiles this same line.")]
    public static void Bind(IConfiguration section, CruxClientOptions options)
    {
        var keys = new CruxConfigurationKeys((section as IConfigurationSection)?.Path ?? string.Empty);
        options.ConfigurationKeys = keys;
        List<string> errors = options.BindingErrors;
        ReportUnknownKeys(section, keys, errors);

        if (section[nameof(CruxClientOptions.BaseAddress)] is { Length: > 0 } baseAddress)
        {
            if (Internal.CruxOptionsValidation.HasUserInfo(baseAddress))
            {
                errors.Add($"Configuration key '{keys.Key("BaseAddress")}' carries user information (user:password@); use ApiToken or Credentials. The value is not shown.");
            }
            else if (Uri.TryCreate(baseAddress, UriKind.Absolute, out Uri? uri))
            {
                options.BaseAddress = uri;
            }
            else
            {
                errors.Add($"Configuration key '{keys.Key("BaseAddress")}' ('{baseAddress}') is not an absolute URI such as https://api.cruxconnect.com/.");
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
            errors.Add($"Configuration keys '{keys.Key("Credentials:Username")}' and '{keys.Key("Credentials:Password")}' must be set together.");
        }

        if (section[nameof(CruxClientOptions.ApiVersion)] is { Length: > 0 } version)
        {
            if (Enum.TryParse(version, ignoreCase: true, out CruxApiVersion apiVersion) && Enum.IsDefined(typeof(CruxApiVersion), apiVersion))
            {
                options.ApiVersion = apiVersion;
            }
            else
            {
                errors.Add($"Configuration key '{keys.Key("ApiVersion")}' ('{version}') is not one of: V1, Timpanogos.");
            }
        }

        BindTimeSpan(section, keys, "AttemptTimeout", options, static (o, v) => o.AttemptTimeout = v);
        BindTimeSpan(section, keys, "Timeout", options, static (o, v) => o.Timeout = v);
        BindTimeSpan(section, keys, "PermissionCatalogLifetime", options, static (o, v) => o.PermissionCatalogLifetime = v);

        if (section["Retry:MaxRetries"] is { Length: > 0 } maxRetries)
        {
            if (int.TryParse(maxRetries, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value))
            {
                options.Retry.MaxRetries = value;
            }
            else
            {
                errors.Add($"Configuration key '{keys.Key("Retry:MaxRetries")}' ('{maxRetries}') is not a whole number.");
            }
        }

        BindTimeSpan(section, keys, "Retry:BaseDelay", options, static (o, v) => o.Retry.BaseDelay = v);
        BindTimeSpan(section, keys, "Retry:MaxDelay", options, static (o, v) => o.Retry.MaxDelay = v);
    }

    private static void BindTimeSpan(
        IConfiguration section, CruxConfigurationKeys keys, string key, CruxClientOptions options, Action<CruxClientOptions, TimeSpan> assign)
    {
        if (section[key] is not { Length: > 0 } text)
        {
            return;
        }

        // TimeSpan reads a bare number as days: "Timeout": "30" would be a month. Nobody means that; say so, with the form meant.
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long number) && number > 0)
        {
            string meant = number <= 86_400 ? TimeSpan.FromSeconds(number).ToString("c", CultureInfo.InvariantCulture) : "hh:mm:ss";
            options.BindingErrors.Add(
                $"Configuration key '{keys.Key(key)}' is '{text}': a bare number is read as {text} day(s). " +
                $"Write a time span such as {meant} for {text} seconds (hh:mm:ss), or {text}.00:00:00 if days are meant.");
            return;
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan value))
        {
            assign(options, value);
        }
        else
        {
            options.BindingErrors.Add($"Configuration key '{keys.Key(key)}' ('{text}') is not a time span such as 00:00:30.");
        }
    }

    private static void ReportUnknownKeys(IConfiguration section, CruxConfigurationKeys keys, List<string> errors)
    {
        foreach (IConfigurationSection child in section.GetChildren())
        {
            string[]? children = CruxConfigurationKeys.ChildrenOf(child.Key);
            if (children is null)
            {
                errors.Add(CruxConfigurationKeys.Unknown(keys, child.Key));
                continue;
            }

            foreach (IConfigurationSection grandchild in child.GetChildren())
            {
                if (!children.Contains(grandchild.Key, StringComparer.OrdinalIgnoreCase))
                {
                    errors.Add(CruxConfigurationKeys.Unknown(keys, child.Key + ":" + grandchild.Key));
                }
            }
        }
    }
}
