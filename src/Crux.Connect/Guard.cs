using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Crux.Connect.Internal;

/// <summary>Argument checks that name the argument, on every target framework.</summary>
internal static class Guard
{
    public static void NotNull([NotNull] object? value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }
    }

    public static void NotEmpty(Guid value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("The uuid must not be Guid.Empty.", paramName);
        }
    }
}
