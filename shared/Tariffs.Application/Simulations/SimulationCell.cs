namespace Tariffs.Application.Simulations;

/// <summary>
/// The effect of a draft catalog on one period (year) and area (<c>*</c>: the authority's total), as a regulator reads
/// it: the social tariff's cost now and under the draft, households better off, worse off and unchanged, by how much
/// (<see cref="Bands"/>), and households receiving something from the social tariff now and under the draft. A cell of
/// fewer than the small-cell threshold's households shows no figure (<see cref="Suppressed"/>); a count that is, or
/// whose complement is, 1 to k − 1 households is withheld (null), like the public report's sub-populations.
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
    IReadOnlyDictionary<string, int?> Bands);
