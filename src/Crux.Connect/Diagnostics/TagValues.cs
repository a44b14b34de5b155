using System.Globalization;

namespace Crux.Connect.Diagnostics;

/// <summary>
/// Small integers (status codes, attempt numbers, counts) as tag values, boxed and formatted once each, so that
/// tagging a metric or an activity with them allocates nothing after the first time. A race only builds the
/// same value twice.
/// </summary>
internal static class TagValues
{
    private const int Count = 600;

    private static readonly object?[] Boxes = new object?[Count];
    private static readonly string?[] Texts = new string?[Count];

    public static object Boxed(int value) =>
        value is >= 0 and < Count ? Boxes[value] ??= value : value;

    public static string Text(int value) =>
        value is >= 0 and < Count
            ? Texts[value] ??= value.ToString(CultureInfo.InvariantCulture)
            : value.ToString(CultureInfo.InvariantCulture);
}
