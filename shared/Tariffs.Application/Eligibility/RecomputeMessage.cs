namespace Tariffs.Application.Eligibility;

/// <summary>
/// On queue <c>household-recompute</c>: the household whose billed lines must be recomputed because its
/// eligibility changed, and what changed it (noted on the corrections).
/// </summary>
public sealed record RecomputeMessage(string HouseholdId, string Cause);
