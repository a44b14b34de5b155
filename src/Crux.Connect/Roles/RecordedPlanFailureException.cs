using System.Diagnostics.CodeAnalysis;

namespace Crux.Connect.Roles;

/// <summary>
/// A failure read back from a saved plan: only its text survives JSON (<c>Type: message</c>), so it is kept as that text
/// and printed as it was, and the plan reads the same before and after a round trip.
/// </summary>
[SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Internal: created only from a plan's recorded text, so the standard constructors would have no caller.")]
internal sealed class RecordedPlanFailureException : CruxException
{
    public RecordedPlanFailureException(string description)
        : base(description)
    {
    }

    /// <summary>How a plan's table and JSON describe a failure: the exception's type name and message.</summary>
    public static string Describe(Exception exception) =>
        exception is RecordedPlanFailureException ? exception.Message : $"{exception.GetType().Name}: {exception.Message}";
}
