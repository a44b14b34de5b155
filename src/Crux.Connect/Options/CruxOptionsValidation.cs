namespace Crux.Connect.Internal;

/// <summary>
/// Every rule a <see cref="CruxClientOptions"/> must meet, checked in one pass so that every problem is
/// reported at once. Messages never echo the token.
/// </summary>
internal static class CruxOptionsValidation
{
    // Polly's timeout strategy accepts 10 ms to 1 day; the same bounds keep our messages ahead of its own.
    internal static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    internal static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);
    internal const int MaxRetriesLimit = 100;

    public static List<string> Validate(CruxClientOptions? options)
    {
        var errors = new List<string>();
        if (options is null)
        {
            errors.Add("The options are null.");
            return errors;
        }

        ValidateBaseAddress(options.BaseAddress, errors);
        ValidateAuthentication(options, errors);

        if (options.ApiVersion is not (CruxApiVersion.V1 or CruxApiVersion.Timpanogos))
        {
            errors.Add($"ApiVersion {(int)options.ApiVersion} is not a known CruxApiVersion.");
        }

        ValidateTimeout(nameof(CruxClientOptions.AttemptTimeout), options.AttemptTimeout, errors);
        ValidateTimeout(nameof(CruxClientOptions.Timeout), options.Timeout, errors);
        ValidateRetry(options.Retry, errors);
        ValidateCatalogLifetime(options.PermissionCatalogLifetime, errors);
        return errors;
    }

    public static void ThrowIfInvalid(CruxClientOptions options, string paramName)
    {
        List<string> errors = Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(Describe(errors), paramName);
        }
    }

    public static string Describe(List<string> errors) =>
        "The Crux Connect client options are not valid: " + string.Join(" ", errors);

    /// <summary>Header values may carry visible ASCII only; anything else could split or smuggle headers.</summary>
    public static bool IsValidToken(string token)
    {
        foreach (char c in token)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    private static void ValidateBaseAddress(Uri? address, List<string> errors)
    {
        if (address is null)
        {
            errors.Add("BaseAddress is required.");
            return;
        }

        if (HasUserInfo(address.OriginalString))
        {
            // First and alone: whatever else is wrong with it, an address that carries a credential is never echoed.
            errors.Add("BaseAddress must not carry user information (user:password@); use ApiToken or Credentials. The value is not shown.");
            return;
        }

        if (!address.IsAbsoluteUri)
        {
            errors.Add($"BaseAddress '{address}' must be an absolute URI.");
            return;
        }

        bool https = address.Scheme == Uri.UriSchemeHttps;
        bool loopbackHttp = address.Scheme == Uri.UriSchemeHttp && address.IsLoopback;
        if (!https && !loopbackHttp)
        {
            errors.Add($"BaseAddress '{address.GetLeftPart(UriPartial.Authority)}' must use https; plain http is allowed only for loopback addresses such as http://127.0.0.1:5000/.");
        }

        if (!string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment))
        {
            errors.Add("BaseAddress must not carry a query or a fragment.");
        }
    }

    /// <summary>
    /// Whether an address carries user information: for an absolute one, an <c>@</c> before the first <c>/</c>, <c>?</c> or
    /// <c>#</c> after the scheme; for anything else (relative, not a URI), any <c>@</c>. Checked on the text, so no parse can hide it.
    /// </summary>
    public static bool HasUserInfo(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return false;
        }

        if (!Uri.TryCreate(address, UriKind.Absolute, out _))
        {
            // Not an absolute address: its parts are anyone's guess, so any '@' may introduce a credential.
            return address!.Split('@').Length > 1;
        }

        int start = address!.IndexOf("//", StringComparison.Ordinal) is var slashes and >= 0 ? slashes + 2 : 0;
        for (int i = start; i < address.Length; i++)
        {
            switch (address[i])
            {
                case '@':
                    return true;
                case '/' or '?' or '#':
                    return false;
            }
        }

        return false;
    }

    /// <summary>The address as messages and ToString show it: never one that carries user information.</summary>
    public static string Display(Uri? address) =>
        address is null ? "(none)" : HasUserInfo(address.OriginalString) ? "(an address with user information, not shown)" : address.ToString();

    /// <summary>Exactly one way of authenticating: a fixed token, credentials to log in with, or a token provider.</summary>
    private static void ValidateAuthentication(CruxClientOptions options, List<string> errors)
    {
        string? token = options.ApiToken;
        var ways = new List<string>(3);
        if (!string.IsNullOrEmpty(token))
        {
            ways.Add(nameof(CruxClientOptions.ApiToken));
        }

        if (options.Credentials is not null)
        {
            ways.Add(nameof(CruxClientOptions.Credentials));
        }

        if (options.TokenProvider is not null)
        {
            ways.Add(nameof(CruxClientOptions.TokenProvider));
        }

        if (ways.Count == 0)
        {
            // Word for word the message of the token-only days: callers match on it. The XML docs name the alternatives.
            errors.Add("ApiToken is required.");
        }
        else if (ways.Count > 1)
        {
            errors.Add($"Set exactly one way of authenticating; {string.Join(" and ", ways)} are all set.");
        }

        if (token is not null && token.StartsWith("Token ", StringComparison.OrdinalIgnoreCase))
        {
            // The header's scheme pasted along with the token; the value itself is never echoed.
            errors.Add("ApiToken starts with 'Token ': set the token alone and drop the 'Token ' prefix (the SDK sends 'Authorization: Token <token>' itself).");
        }
        else if (!string.IsNullOrEmpty(token) && !IsValidToken(token!))
        {
            errors.Add("ApiToken contains characters that are not allowed in an HTTP header (control characters such as CR or LF, spaces, or non-ASCII characters).");
        }
    }

    private static void ValidateCatalogLifetime(TimeSpan value, List<string> errors)
    {
        if (value != System.Threading.Timeout.InfiniteTimeSpan && (value < TimeSpan.Zero || value > MaxTimeout))
        {
            errors.Add($"PermissionCatalogLifetime must be between 0 and 1 day, or Timeout.InfiniteTimeSpan; it is {value}.");
        }
    }

    private static void ValidateTimeout(string name, TimeSpan value, List<string> errors)
    {
        if (value == System.Threading.Timeout.InfiniteTimeSpan)
        {
            return;
        }

        if (value < MinTimeout || value > MaxTimeout)
        {
            errors.Add($"{name} must be between {MinTimeout.TotalMilliseconds:0} ms and 1 day, or Timeout.InfiniteTimeSpan; it is {value}.");
        }
    }

    private static void ValidateRetry(CruxRetryOptions? retry, List<string> errors)
    {
        if (retry is null)
        {
            errors.Add("Retry is required.");
            return;
        }

        if (retry.MaxRetries is < 0 or > MaxRetriesLimit)
        {
            errors.Add($"Retry.MaxRetries must be between 0 and {MaxRetriesLimit}; it is {retry.MaxRetries}.");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.BaseDelay > MaxTimeout)
        {
            errors.Add($"Retry.BaseDelay must be between 0 and 1 day; it is {retry.BaseDelay}.");
        }

        if (retry.MaxDelay < retry.BaseDelay || retry.MaxDelay > MaxTimeout)
        {
            errors.Add($"Retry.MaxDelay must be at least Retry.BaseDelay and at most 1 day; it is {retry.MaxDelay}.");
        }
    }
}
