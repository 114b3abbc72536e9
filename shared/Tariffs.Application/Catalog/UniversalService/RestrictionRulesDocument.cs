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
