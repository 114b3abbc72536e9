namespace Tariffs.Application.Households;

/// <summary>
/// Why a household got each adjustment: every billed line with its standard bill, social bill and notes, and
/// every adjustment — originals and corrections — with its rule, versions, legal references, the days it covers
/// and the explanation terms a person can recompute by hand. Amounts in the currency's major unit.
/// </summary>
public sealed record HouseholdExplanation(string HouseholdId, IReadOnlyList<ExplainedLine> Lines);
