namespace Tariffs.Domain.Social;

/// <summary>
/// The order in which rules apply to one line; each step sees the bill left by the steps before it.
/// Payments are apart from the bill and never capped by it. <see cref="Refund"/> is not a social step: it gives
/// back an overcharge found by the uniform-tariff rule, against the operator's billed amount.
/// </summary>
public enum RuleStep
{
    PriceReplacement = 1,
    PercentageDiscount = 2,
    Cap = 3,
    Credit = 4,
    Payment = 5,
    Refund = 6,
}
