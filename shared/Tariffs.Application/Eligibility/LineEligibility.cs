using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Eligibility;

/// <summary>What a line is priced with (<see cref="EffectiveEligibility.ForLine"/>): the windows the engine prices, and how the household is eligible per program.</summary>
public sealed record LineEligibility(IReadOnlyList<EligibilityWindow> Windows, EligibilityBasis Basis);
