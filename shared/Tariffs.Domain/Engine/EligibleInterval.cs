using NodaTime;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Domain.Engine;

/// <summary>The part of a line's period in which a household is eligible for a program, after the program's start policy, with the window's facts.</summary>
internal readonly record struct EligibleInterval(DateInterval Interval, HouseholdFacts? Facts);
