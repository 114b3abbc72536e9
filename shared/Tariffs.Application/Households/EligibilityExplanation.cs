namespace Tariffs.Application.Households;

/// <summary>
/// A household's eligibility, program by program of every published catalog where anything is known: the agency's
/// flags and revocations, the periods determined from its facts (eligible or not, and why), and whether an agency
/// decision overrides the determination; with every facts statement stored for it.
/// </summary>
public sealed record EligibilityExplanation(string HouseholdId, IReadOnlyList<ExplainedProgram> Programs, IReadOnlyList<ExplainedFacts> Facts);
