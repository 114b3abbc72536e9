using NodaTime;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Ledger;

/// <summary>
/// One append-only item of a billed line: what one rule gave (<see cref="Sequence"/> 0, the original) or the
/// difference a recomputation posted for it later (1, 2, …, a correction), never an edit. The amount is in minor
/// units of the line's currency (negative lowers the bill; for a <see cref="RuleStep.Payment"/> it is paid to the
/// household, apart from the bill). Carries the rule, its program, the rule versions and legal references in force,
/// the days it covers, the explanation terms a person can recompute, and for a correction a note of what it corrects.
/// </summary>
public sealed record LedgerItem(
    string RuleId,
    string ProgramId,
    RuleStep Step,
    long AmountMinor,
    int Sequence,
    string RuleVersions,
    string LegalReferences,
    DateInterval Covers,
    IReadOnlyList<AdjustmentSegment> Terms,
    string? Note = null)
{
    /// <summary>When storage recorded the item; null for an item not read from storage.</summary>
    public Instant? StoredAt { get; init; }

    /// <summary>
    /// For a correction, how the household was eligible for each program once it was posted (the state the
    /// recomputation establishes for the whole line, the same on every item it posts); null for an original (the
    /// line's <see cref="LedgerLine.PricedBasis"/> holds it) and for a correction stored before the basis was recorded.
    /// </summary>
    public EligibilityBasis? Basis { get; init; }

    /// <summary>The item's id within its line.</summary>
    public LedgerItemId Id => new(RuleId, Sequence);

    /// <summary>A correction whatever its step; otherwise what its step makes it.</summary>
    public LedgerItemKind Kind => Sequence > 0 ? LedgerItemKind.Correction : Step switch
    {
        RuleStep.Payment => LedgerItemKind.Payment,
        RuleStep.Refund => LedgerItemKind.Refund,
        _ => LedgerItemKind.Adjustment,
    };

    /// <summary>True when the item changes the bill: a price replacement, discount, cap or credit, or a correction of one.</summary>
    public bool ChangesBill => Step < RuleStep.Payment;

    /// <summary>True when the item is a payment to the household or a correction of one.</summary>
    public bool IsPayment => Step == RuleStep.Payment;

    /// <summary>
    /// The items a correction corrects: every earlier item of its rule on the same line (sequences 0 … n−1), whose sum
    /// is the stored total it was computed against; empty for an original.
    /// </summary>
    public IReadOnlyList<LedgerItemId> Corrects => [.. Enumerable.Range(0, Sequence).Select(n => new LedgerItemId(RuleId, n))];

    /// <summary>The item posting <paramref name="adjustment"/> as item <paramref name="sequence"/> of its rule, its amount in minor units of <paramref name="currency"/>.</summary>
    public static LedgerItem Of(Adjustment adjustment, Currency currency, int sequence = 0, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(adjustment);
        ArgumentNullException.ThrowIfNull(currency);
        return new LedgerItem(adjustment.RuleId, adjustment.ProgramId, adjustment.Step, currency.ToMinorUnits(adjustment.Amount), sequence,
            adjustment.RuleVersions, adjustment.LegalReferences, adjustment.Covers, adjustment.Segments, note);
    }
}
