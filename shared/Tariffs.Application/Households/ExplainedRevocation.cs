namespace Tariffs.Application.Households;

/// <summary>An agency's revocation: its id, the day it takes effect and its decision date (yyyy-MM-dd).</summary>
public sealed record ExplainedRevocation(string RevocationId, string EffectiveDate, string DecisionDate);
