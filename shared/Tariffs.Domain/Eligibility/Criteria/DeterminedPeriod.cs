using NodaTime;

namespace Tariffs.Domain.Eligibility.Criteria;

/// <summary>
/// A stretch of days over which a program's criteria give the same finding for the same facts: eligible (true), not
/// eligible (false) or undetermined (null: a fact the criteria need is unknown), with the facts used and the finding
/// that explains it (criterion, facts and values, versions, legal references).
/// </summary>
public sealed record DeterminedPeriod(string ProgramId, DateInterval Period, bool? Eligible, HouseholdFacts Facts, CriterionFinding Finding);
