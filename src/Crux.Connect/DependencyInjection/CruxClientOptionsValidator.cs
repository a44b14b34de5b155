using Crux.Connect.Internal;
using Microsoft.Extensions.Options;

namespace Crux.Connect.DependencyInjection;

/// <summary>Validates <see cref="CruxClientOptions"/> at start-up, listing every problem at once (and never the token).</summary>
internal sealed class CruxClientOptionsValidator : IValidateOptions<CruxClientOptions>
{
    public ValidateOptionsResult Validate(string? name, CruxClientOptions options)
    {
        List<string> errors = CruxOptionsValidation.Validate(options);
        if (options is not null)
        {
            errors.InsertRange(0, options.BindingErrors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
