#pragma warning disable IDE0161 // several namespaces in one file: each polyfill lives where the real type does
// What netstandard2.0 lacks, so one source serves every target. Internal, so they never clash. Compiled for
// netstandard2.0 only (see the csproj), so the file needs no #if; Lock.cs and ConvertPolyfills.cs serve net8.0 too.
namespace System.Runtime.CompilerServices
{
    internal static class IsExternalInit
    {
    }
}

namespace Crux.Connect.Testing
{
    using System.Diagnostics.CodeAnalysis;
    using System.Net;
    using System.Runtime.CompilerServices;
    using System.Text;

    /// <summary>
    /// The newer BCL members the simulator uses, for its netstandard2.0 build (C# 14 extension members, so the sources
    /// read the same on every target). Behaviour matches the built-in members closely enough for a test double.
    /// </summary>
    internal static class NetStandardPolyfills
    {
        extension(ArgumentNullException)
        {
            public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }
            }
        }

        extension(ArgumentException)
        {
            public static void ThrowIfNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
            {
                if (argument is null)
                {
                    throw new ArgumentNullException(paramName);
                }

                if (string.IsNullOrWhiteSpace(argument))
                {
                    throw new ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", paramName);
                }
            }
        }

        extension(ArgumentOutOfRangeException)
        {
            public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(other) < 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be greater than or equal to '{other}'.");
                }
            }

            public static void ThrowIfLessThanOrEqual<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(other) <= 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be greater than '{other}'.");
                }
            }

            public static void ThrowIfGreaterThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
                where T : IComparable<T>
            {
                if (value.CompareTo(other) > 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be less than or equal to '{other}'.");
                }
            }

            public static void ThrowIfNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(paramName, value, $"{paramName} ('{value}') must be a non-negative value.");
                }
            }
        }

        extension(Math)
        {
            public static int Clamp(int value, int min, int max) => value < min ? min : value > max ? max : value;
        }

        extension(Enum)
        {
            public static TEnum[] GetValues<TEnum>()
                where TEnum : struct, Enum => (TEnum[])Enum.GetValues(typeof(TEnum));
        }

        extension(HttpStatusCode)
        {
            public static HttpStatusCode TooManyRequests => (HttpStatusCode)429;

            public static HttpStatusCode UnprocessableEntity => (HttpStatusCode)422;
        }

        extension(Task)
        {
            public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken) =>
                timeProvider.Delay(delay, cancellationToken);
        }

        extension(string text)
        {
            public bool StartsWith(char value) => text.Length > 0 && text[0] == value;

            public int IndexOf(char value, StringComparison comparison) => text.IndexOf(value.ToString(), comparison);

            public string[] Split(char separator, StringSplitOptions options) => text.Split([separator], options);

            public string[] Split(char separator, int count) => text.Split([separator], count);
        }

        extension(Encoding encoding)
        {
            public string GetString(ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());
        }

        extension(HttpContent content)
        {
            public Task<byte[]> ReadAsByteArrayAsync(CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                return content.ReadAsByteArrayAsync();
            }
        }

        extension<TKey, TValue>(KeyValuePair<TKey, TValue> pair)
        {
            public void Deconstruct(out TKey key, out TValue value)
            {
                key = pair.Key;
                value = pair.Value;
            }
        }

        extension<T>(Queue<T> queue)
        {
            public bool TryPeek([MaybeNullWhen(false)] out T result)
            {
                if (queue.Count == 0)
                {
                    result = default;
                    return false;
                }

                result = queue.Peek();
                return true;
            }
        }

        extension<TKey, TValue>(Dictionary<TKey, TValue> dictionary)
            where TKey : notnull
        {
            public TValue? GetValueOrDefault(TKey key) => dictionary.TryGetValue(key, out TValue? value) ? value : default;
        }
    }
}

namespace System.Diagnostics.CodeAnalysis
{
    [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.ReturnValue, Inherited = false)]
    internal sealed class NotNullAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    internal sealed class MaybeNullWhenAttribute : Attribute
    {
        public MaybeNullWhenAttribute(bool returnValue) => ReturnValue = returnValue;

        public bool ReturnValue { get; }
    }
}

namespace System.Runtime.CompilerServices
{
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    internal sealed class CallerArgumentExpressionAttribute : Attribute
    {
        public CallerArgumentExpressionAttribute(string parameterName) => ParameterName = parameterName;

        public string ParameterName { get; }
    }
}
