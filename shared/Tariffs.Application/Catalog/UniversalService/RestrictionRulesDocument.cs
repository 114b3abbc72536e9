using NodaTime;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>
/// The restriction rules of a jurisdiction, as published data: dated versions (each with the legal reference
/// that backs the default answer), each an ordered list of rules — the first that matches decides.
/// Seasons are "MM-dd" days, inclusive, possibly across the new year.
/// </summary>
public sealed class RestrictionRulesDocument
{
    public string? Jurisdiction { get; init; }
    public string? Description { get; init; }
    public List<RestrictionVersionDocument>? Versions { get; init; }
}

public sealed class RestrictionVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    public List<RestrictionRuleDocument>? Rules { get; init; }
}

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
