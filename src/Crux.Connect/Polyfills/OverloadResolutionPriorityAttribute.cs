namespace System.Runtime.CompilerServices;

/// <summary>
/// The C# 13 tie-breaker between overloads, for target frameworks whose base library lacks it (compiled only for those: see the csproj) (the compiler matches it
/// by name). It keeps <c>RemovePermissionsAsync(user, null)</c> and <c>RemovePermissionsAsync(user, [])</c> meaning the
/// uuid overload they always meant, now that an overload taking names exists.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
internal sealed class OverloadResolutionPriorityAttribute : Attribute
{
    public OverloadResolutionPriorityAttribute(int priority) => Priority = priority;

    public int Priority { get; }
}
