namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>One rule: services, actions (disconnection, flowReduction, powerReduction), residence (any, main, secondary), season, condition, verdict, limit.</summary>
public sealed class RestrictionRuleDocument
{
    public string? Id { get; init; }
    public List<string>? Services { get; init; }
    public List<string>? Actions { get; init; }
    public string? Residence { get; init; }
    public string? SeasonFrom { get; init; }
    public string? SeasonTo { get; init; }
    public string? When { get; init; }
    public string? Verdict { get; init; }
    public string? Limit { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
}
