namespace Tariffs.Domain.Scales;

/// <summary>One bracket of a <see cref="BracketScale{T}"/>: the value it holds from its lower bound (inclusive).</summary>
public sealed record Bracket<T>(decimal From, T Value);
