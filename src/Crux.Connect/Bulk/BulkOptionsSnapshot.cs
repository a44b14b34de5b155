namespace Crux.Connect.Bulk;

/// <summary>Validates a <see cref="CruxBulkOptions"/> (every problem at once) and copies it, so the run is not changed under its feet.</summary>
internal static class BulkOptionsSnapshot
{
    private const int MaxRateLimitRetriesLimit = 1000;

    public static CruxBulkOptions Create(CruxBulkOptions? options, string paramName)
    {
        if (options is null)
        {
            return new CruxBulkOptions();
        }

        var errors = new List<string>();
        if (options.MaxConcurrency is < 1 or > CruxBulkOptions.MaxConcurrencyLimit)
        {
            errors.Add($"MaxConcurrency must be between 1 and {CruxBulkOptions.MaxConcurrencyLimit}; it is {options.MaxConcurrency}.");
        }

        if (options.MaxRateLimitRetries is < 0 or > MaxRateLimitRetriesLimit)
        {
            errors.Add($"MaxRateLimitRetries must be between 0 and {MaxRateLimitRetriesLimit}; it is {options.MaxRateLimitRetries}.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("The bulk options are not valid: " + string.Join(" ", errors), paramName);
        }

        return new CruxBulkOptions { MaxConcurrency = options.MaxConcurrency, MaxRateLimitRetries = options.MaxRateLimitRetries, StopToken = options.StopToken };
    }
}
