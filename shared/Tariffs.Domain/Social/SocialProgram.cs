using Tariffs.Domain.Eligibility.Criteria;

namespace Tariffs.Domain.Social;

/// <summary>
/// A social program (CSS households in Dunkerque, CARE, the Belgian social tariff): who is eligible is decided by
/// an agency's flags, by the program's criteria against the household's facts (automatic social tariffs), or both;
/// the program says from when eligibility counts, whether losing it claws back past credits, and which rules apply
/// to eligible households, in catalog order.
/// </summary>
/// <param name="Id">Stable program id, named by flags and adjustments.</param>
/// <param name="Name">Display name.</param>
/// <param name="Start">From when an eligibility window counts.</param>
/// <param name="ClawBack">Losing eligibility takes back past credits.</param>
/// <param name="Rules">The rules applied to eligible households, in catalog order.</param>
/// <param name="Criteria">The dated criteria eligibility is determined by from household facts, or null when only flags decide.</param>
/// <param name="AcceptsFlags">Agency flags for the program are accepted (a program has criteria, accepts flags, or both).</param>
public sealed record SocialProgram(
    string Id,
    string Name,
    EligibilityStart Start,
    bool ClawBack,
    IReadOnlyList<SocialRule> Rules,
    Criterion? Criteria = null,
    bool AcceptsFlags = true);
