namespace Tariffs.Application.Simulations;

/// <summary>
/// One household's year under the published catalog and under the draft, for one area: what it pays net (social bill
/// minus payments received), what the social tariff gives it (standard bill minus social bill, plus payments), its
/// standard and social bills (for affordability), whether it is eligible, and its annual income as known when its
/// lines were priced (null when unknown). Household-level: for the regulator only, never published.
/// </summary>
public sealed record HouseholdChange(string Period, string Area, string HouseholdId, decimal NetNow, decimal NetDraft, decimal SocialNow, decimal SocialDraft)
{
    /// <summary>The standard bill (the same under both catalogs' standard tariff when the draft keeps it).</summary>
    public decimal StandardNow { get; init; }

    /// <summary>The standard bill under the draft.</summary>
    public decimal StandardDraft { get; init; }

    /// <summary>The social bill now (standard bill plus bill adjustments, payments excluded).</summary>
    public decimal BillNow { get; init; }

    /// <summary>The social bill under the draft.</summary>
    public decimal BillDraft { get; init; }

    /// <summary>Eligible for a program of the published catalog on a day of a line.</summary>
    public bool EligibleNow { get; init; }

    /// <summary>Eligible for a program of the draft on a day of a line.</summary>
    public bool EligibleDraft { get; init; }

    /// <summary>The annual income known when a line was priced (the latest line's that has one), or null.</summary>
    public decimal? AnnualIncome { get; init; }

    /// <summary>What the draft changes in the household's net payment: positive when it pays more.</summary>
    public decimal Change => NetDraft - NetNow;

    /// <summary>The sums of two parts of the same household's year in the same area (lines read in different places).</summary>
    public HouseholdChange Plus(HouseholdChange other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return this with
        {
            NetNow = NetNow + other.NetNow,
            NetDraft = NetDraft + other.NetDraft,
            SocialNow = SocialNow + other.SocialNow,
            SocialDraft = SocialDraft + other.SocialDraft,
            StandardNow = StandardNow + other.StandardNow,
            StandardDraft = StandardDraft + other.StandardDraft,
            BillNow = BillNow + other.BillNow,
            BillDraft = BillDraft + other.BillDraft,
            EligibleNow = EligibleNow || other.EligibleNow,
            EligibleDraft = EligibleDraft || other.EligibleDraft,
            AnnualIncome = other.AnnualIncome ?? AnnualIncome,
        };
    }
}
