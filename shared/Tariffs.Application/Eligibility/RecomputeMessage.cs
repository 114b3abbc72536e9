namespace Tariffs.Application.Eligibility;

/// <summary>
/// On queue <c>household-recompute</c>: the household whose billed lines must be recomputed because its
/// eligibility changed, what changed it, and how many times it was put back to wait for lines being priced.
/// </summary>
public sealed record RecomputeMessage(string HouseholdId, string Cause, int Attempt = 0);
