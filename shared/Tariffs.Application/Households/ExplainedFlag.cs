namespace Tariffs.Application.Households;

/// <summary>An agency's eligibility window: its flag id, first and last day (null: open-ended) and decision date (yyyy-MM-dd).</summary>
public sealed record ExplainedFlag(string FlagId, string From, string? To, string DecisionDate);
