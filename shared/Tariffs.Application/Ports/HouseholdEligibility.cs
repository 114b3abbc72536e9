using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Ports;

/// <summary>
/// Everything stored about one household's eligibility: its windows and the revocations that end them (agency
/// decisions) and, when read for a catalog with criteria, the statements of its facts that determinations are made from.
/// </summary>
public sealed record HouseholdEligibility(IReadOnlyList<EligibilityWindow> Windows, IReadOnlyList<StoredRevocation> Revocations)
{
    public static HouseholdEligibility None { get; } = new([], []);

    /// <summary>The household's facts statements in the order received (empty when none, or not read).</summary>
    public IReadOnlyList<StoredFacts> Facts { get; init; } = [];

    /// <summary>Rows stored (windows, revocations, facts): rows are insert-only, so a larger count means something was received.</summary>
    public int Count => Windows.Count + Revocations.Count + Facts.Count;
}
