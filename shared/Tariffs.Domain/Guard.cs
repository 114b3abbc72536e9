using System.Runtime.CompilerServices;

namespace Tariffs.Domain;

/// <summary>
/// The guard clauses of the domain's values, as expressions for property initializers: each returns the value
/// when it holds and otherwise throws an <see cref="ArgumentOutOfRangeException"/> naming the parameter.
/// </summary>
internal static class Guard
{
    /// <summary>The value when it is 0 or more.</summary>
    public static decimal NonNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= 0m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");

    /// <summary>The value when it is absent or 0 or more.</summary>
    public static decimal? NonNegative(decimal? value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is not < 0m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must not be negative.");

    /// <summary>The value when it is a percentage from 0 to 100, both included.</summary>
    public static decimal Percentage(decimal value, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is >= 0m and <= 100m ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a percentage from 0 to 100.");

    /// <summary>The value when it is <paramref name="minimum"/> or more.</summary>
    public static int AtLeast(int value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be {minimum} or more.");

    /// <summary>The value when it is absent or <paramref name="minimum"/> or more.</summary>
    public static int? AtLeast(int? value, int minimum, [CallerArgumentExpression(nameof(value))] string? name = null) =>
        value is null || value >= minimum ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be {minimum} or more.");
}
