using NodaTime;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>One dated version of a jurisdiction's restriction rules: the rules in order, and the legal reference that backs the default answer.</summary>
public sealed class RestrictionVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    public List<RestrictionRuleDocument>? Rules { get; init; }
}
