namespace Tariffs.Domain.Social;

/// <summary>
/// A social program (CSS households in Dunkerque, CARE, the Belgian social tariff): who is eligible is
/// decided outside Tariffs; the program says from when eligibility counts, whether losing it claws back past
/// credits, and which rules apply to eligible households, in catalog order.
/// </summary>
public sealed record SocialProgram(
    string Id,
    string Name,
    EligibilityStart Start,
    bool ClawBack,
    IReadOnlyList<SocialRule> Rules);
