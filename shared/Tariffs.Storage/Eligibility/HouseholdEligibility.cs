using Tariffs.Domain.Eligibility;

namespace Tariffs.Storage.Eligibility;

/// <summary>Everything stored about one household's eligibility: its windows and the revocations that end them.</summary>
public sealed record HouseholdEligibility(IReadOnlyList<EligibilityWindow> Windows, IReadOnlyList<StoredRevocation> Revocations)
{
    public static HouseholdEligibility None { get; } = new([], []);
}
