using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Corrections;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;

namespace Tariffs.Domain.Ledger;

/// <summary>
/// A billed line in the ledger: the line's facts as priced (to price it again when eligibility changes), who billed it
/// under which catalog, its standard bill and what the operator billed in minor units of <see cref="Currency"/>, and
/// its append-only <see cref="Items"/> — originals, then corrections — in key order (rule, then sequence). This is the
/// one place that derives what the rest of the service reads from a line: <see cref="BillAdjustmentsMinor"/>,
/// <see cref="PaymentsMinor"/>, <see cref="SocialBillMinor"/>, <see cref="Eligible"/>, <see cref="Basis"/>, the posted totals a
/// recomputation compares with (<see cref="Posted"/>) and the report's view (<see cref="ToReportLine"/>).
/// </summary>
public sealed record LedgerLine(
    LedgerLineId Id,
    string Operator,
    string Authority,
    string Service,
    Currency Currency,
    string AccountId,
    string Area,
    bool MainResidence,
    int Persons,
    DateInterval Period,
    decimal Quantity,
    string Unit,
    string TariffCode,
    long BilledMinor,
    long StandardBillMinor,
    bool PricedEligible,
    Instant PricedAt,
    IReadOnlyList<LedgerItem> Items)
{
    /// <summary>What the operator billed above the uniform tariff plus its tolerance, in minor units; 0 when nothing.</summary>
    public long OverchargeMinor { get; init; }

    /// <summary>The household's annual income known when the line was priced, in minor units; null when unknown.</summary>
    public long? AnnualIncomeMinor { get; init; }

    /// <summary>Rules of programs the household is eligible for that did not apply, and why ("; "-separated).</summary>
    public string Notes { get; init; } = "";

    /// <summary>When storage recorded the line; null for a line not read from storage.</summary>
    public Instant? StoredAt { get; init; }

    /// <summary>How the household was eligible for each program when the line was first priced; null for a line stored before the basis was recorded (unknown).</summary>
    public EligibilityBasis? PricedBasis { get; init; }

    /// <summary>
    /// How the household is eligible on the line as the ledger last recorded it: the basis of the latest correction
    /// carrying one (the latest stored; an item not read from storage is newer than any stored one), else
    /// <see cref="PricedBasis"/>; null when unknown (a line and corrections stored before the basis was recorded). A
    /// recomputation that posts no correction records nothing, so the basis changes only with an amount.
    /// </summary>
    public EligibilityBasis? Basis
    {
        get
        {
            LedgerItem? latest = null;
            foreach (var item in Items)
                if (item.Basis is not null && (latest is null || Later(item, latest)))
                    latest = item;
            return latest?.Basis ?? PricedBasis;
        }
    }

    /// <summary>The household billed.</summary>
    public string HouseholdId => Id.HouseholdId;

    /// <summary>The batch the line came in.</summary>
    public string BatchId => Id.BatchId;

    /// <summary>The line's number in its batch.</summary>
    public int LineNumber => Id.LineNumber;

    /// <summary>
    /// The line as first priced from <paramref name="outcome"/>: every posted adjustment (the overcharge refund
    /// included) as an original item, with how the household was eligible (<paramref name="basis"/>). Throws
    /// <see cref="OverflowException"/> when an amount is beyond minor units.
    /// </summary>
    public static LedgerLine Priced(string batchId, string @operator, string authority, string service, Instant pricedAt, LineOutcome outcome, decimal? annualIncome,
        EligibilityBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var line = outcome.Line;
        var currency = outcome.Currency;
        return new LedgerLine(new LedgerLineId(line.HouseholdId, batchId, line.LineNumber), @operator, authority, service, currency,
            line.AccountId, line.Area, line.MainResidence, line.Persons, line.Period, line.Quantity, line.Unit, line.TariffCode,
            currency.ToMinorUnits(line.BilledAmount), currency.ToMinorUnits(outcome.StandardBill), outcome.Eligible, pricedAt,
            [.. outcome.Posted.Select(a => LedgerItem.Of(a, currency))])
        {
            OverchargeMinor = outcome.Overcharge is { } overcharge ? currency.ToMinorUnits(overcharge.Excess) : 0,
            AnnualIncomeMinor = annualIncome is { } income ? currency.ToMinorUnits(income) : null,
            Notes = string.Join("; ", outcome.Notes.Select(n => n.Text)),
            PricedBasis = basis,
        };
    }

    /// <summary>The items as first posted (sequence 0).</summary>
    public IEnumerable<LedgerItem> Originals => Items.Where(i => i.Sequence == 0);

    /// <summary>Σ of the items that change the bill (price replacements, discounts, caps, credits and their corrections), minor units.</summary>
    public long BillAdjustmentsMinor => Items.Where(i => i.ChangesBill).Sum(i => i.AmountMinor);

    /// <summary>Σ of the payments to the household and their corrections, apart from the bill, minor units.</summary>
    public long PaymentsMinor => Items.Where(i => i.IsPayment).Sum(i => i.AmountMinor);

    /// <summary>The bill after price replacements, discounts, caps and credits: standard bill + <see cref="BillAdjustmentsMinor"/>.</summary>
    public long SocialBillMinor => StandardBillMinor + BillAdjustmentsMinor;

    /// <summary>
    /// Whether the household was eligible for a program on the line: as priced, or since — a late grant leaves the
    /// priced flag false but posts corrections, so any item of a social rule (a bill step or a payment) counts.
    /// </summary>
    public bool Eligible => PricedEligible || Items.Any(i => i.Step <= RuleStep.Payment);

    /// <summary>The billing line as it was priced.</summary>
    public BillingLine ToBillingLine() => new(LineNumber, HouseholdId, AccountId, Area, MainResidence, Persons, Period, Quantity, Unit, TariffCode,
        Currency.FromMinorUnits(BilledMinor));

    /// <summary>
    /// The items a recomputation compares with, in major units: every item but overcharge refunds (those come from the
    /// uniform tariff, not from eligibility, and are never recomputed).
    /// </summary>
    public IReadOnlyList<PostedAdjustment> Posted() => [.. Items.Where(i => i.Step != RuleStep.Refund)
        .Select(i => new PostedAdjustment(i.RuleId, i.ProgramId, i.Step, Currency.FromMinorUnits(i.AmountMinor), i.RuleVersions, i.LegalReferences))];

    /// <summary>
    /// The item posting <paramref name="correction"/>: numbered after the rule's items on the line (the first
    /// correction is 1), its amount in minor units, with <paramref name="note"/> saying what it corrects and
    /// <paramref name="basis"/> how the household is eligible once it is posted.
    /// </summary>
    public LedgerItem Correct(Correction correction, string note, EligibilityBasis? basis = null)
    {
        ArgumentNullException.ThrowIfNull(correction);
        var sequence = Items.Where(i => i.RuleId == correction.Adjustment.RuleId).Select(i => i.Sequence + 1).DefaultIfEmpty(1).Max();
        return LedgerItem.Of(correction.Adjustment, Currency, sequence, note) with { Basis = basis };
    }

    /// <summary>The line with only the items stored before <paramref name="cutoff"/> (an item of unknown storage time never is).</summary>
    public LedgerLine StoredBefore(Instant cutoff) => this with { Items = [.. Items.Where(i => i.StoredAt is { } at && at < cutoff)] };

    /// <summary>What the equity report counts of the line.</summary>
    public ReportLine ToReportLine() => new(Authority, Service, Area, HouseholdId, Period.End, Currency.Code, BilledMinor, StandardBillMinor,
        BillAdjustmentsMinor, PaymentsMinor, Eligible, Quantity, Unit)
    {
        OverchargeMinor = OverchargeMinor,
        AnnualIncomeMinor = AnnualIncomeMinor,
        Ways = Basis?.Ways,
        Line = Id,
    };

    /// <summary>Whether <paramref name="item"/> was stored after <paramref name="than"/> (not stored yet counts as latest; then by sequence).</summary>
    private static bool Later(LedgerItem item, LedgerItem than) => (item.StoredAt, than.StoredAt) switch
    {
        (null, null) => item.Sequence >= than.Sequence,
        (null, _) => true,
        (_, null) => false,
        ({ } a, { } b) => a > b || (a == b && item.Sequence >= than.Sequence),
    };
}
