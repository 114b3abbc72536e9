using Tariffs.Domain.Eligibility;

namespace Tariffs.Domain.Engine;

/// <summary>
/// A segment of a line in which the household is eligible for the program whose rule is applying: its index
/// in the line's segments, the priced segment, and the household facts of the eligibility window covering it.
/// </summary>
public readonly record struct EligibleSegment(int Index, PricedSegment Segment, HouseholdFacts? Facts);
