namespace Tariffs.Domain.Ledger;

/// <summary>What a <see cref="LedgerItem"/> is, derived from its step and sequence (see <see cref="LedgerItem.Kind"/>).</summary>
public enum LedgerItemKind
{
    /// <summary>An original bill adjustment of a social rule (a price replacement, a discount, a cap, a credit): sequence 0.</summary>
    Adjustment = 1,

    /// <summary>An original payment to the household, apart from the bill (<see cref="Social.RuleStep.Payment"/>): sequence 0.</summary>
    Payment = 2,

    /// <summary>The refund of an overcharge found by the uniform-tariff rule (<see cref="Social.RuleStep.Refund"/>): sequence 0.</summary>
    Refund = 3,

    /// <summary>A corrective item (sequence 1, 2, …) of a rule already posted on the line, whatever its step.</summary>
    Correction = 4,
}
