namespace Tariffs.Application.Households;

/// <summary>A benefit received: its code, first and last day (null: open-ended).</summary>
public sealed record ExplainedBenefit(string Code, string From, string? To);
