using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>Everything stored about one household's eligibility: its windows and the revocations that end them.</summary>
public sealed record HouseholdEligibility(IReadOnlyList<EligibilityWindow> Windows, IReadOnlyList<StoredRevocation> Revocations)
{
    public static HouseholdEligibility None { get; } = new([], []);

    /// <summary>Rows stored (windows and revocations): rows are insert-only, so a larger count means something was received.</summary>
    public int Count => Windows.Count + Revocations.Count;
}
