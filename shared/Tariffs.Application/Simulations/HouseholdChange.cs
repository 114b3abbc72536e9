namespace Tariffs.Application.Simulations;

/// <summary>
/// One household's year under the published catalog and under the draft, for one area: what it pays net (social bill
/// minus payments received) and what the social tariff gives it (standard bill minus social bill, plus payments).
/// Household-level: for the regulator only, never published.
/// </summary>
public sealed record HouseholdChange(string Period, string Area, string HouseholdId, decimal NetNow, decimal NetDraft, decimal SocialNow, decimal SocialDraft)
{
    /// <summary>What the draft changes in the household's net payment: positive when it pays more.</summary>
    public decimal Change => NetDraft - NetNow;
}
