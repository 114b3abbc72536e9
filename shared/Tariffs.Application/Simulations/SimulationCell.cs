namespace Tariffs.Application.Simulations;

/// <summary>
/// The effect of a draft catalog on one period (year) and area (<c>*</c>: the authority's total), as a regulator reads
/// it: the social tariff's cost now and under the draft, households better off, worse off and unchanged, by how much
/// (<see cref="Bands"/>), households eligible and receiving something from the social tariff now and under the draft
/// (take-up = receiving ÷ eligible), and affordability among households of known income: how many pay more than the
/// service's threshold share of their income before the social tariff (standard bill), with it now and under the
/// draft (social bill). With the public report's suppression: a cell of fewer than k households, or in which one
/// household holds more than the dominance share of a cost, or one hidden so that such a cell cannot be recovered from
/// the total (<see cref="Suppressed"/>), shows no figure; a count that is, or whose complement is, 1 to k − 1
/// households is withheld (null), and so are the affordability figures when the households of known income, or
/// those of unknown income, are 1 to k − 1.
/// </summary>
public sealed record SimulationCell(
    string Period,
    string Area,
    string Currency,
    bool Suppressed,
    int? Households,
    decimal? SocialCostNow,
    decimal? SocialCostDraft,
    int? BetterOff,
    int? WorseOff,
    int? Unchanged,
    int? ReceivingNow,
    int? ReceivingDraft,
    IReadOnlyDictionary<string, int?> Bands)
{
    /// <summary>Households eligible for a program of the published catalog.</summary>
    public int? EligibleNow { get; init; }

    /// <summary>Households eligible for a program of the draft.</summary>
    public int? EligibleDraft { get; init; }

    /// <summary>Receiving now ÷ eligible now; null when withheld or nobody is eligible.</summary>
    public double? TakeUpNow { get; init; }

    /// <summary>Receiving under the draft ÷ eligible under the draft; null when withheld or nobody is eligible.</summary>
    public double? TakeUpDraft { get; init; }

    /// <summary>Households whose annual income is known.</summary>
    public int? HouseholdsWithKnownIncome { get; init; }

    /// <summary>Of those, households whose standard bill exceeds the threshold (before the social tariff).</summary>
    public int? AboveThresholdBefore { get; init; }

    /// <summary>Of those, households whose social bill now exceeds the threshold.</summary>
    public int? AboveThresholdNow { get; init; }

    /// <summary>Of those, households whose social bill under the draft exceeds the threshold.</summary>
    public int? AboveThresholdDraft { get; init; }
}
