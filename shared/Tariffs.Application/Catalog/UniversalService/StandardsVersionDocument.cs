using NodaTime;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>One dated version of a guaranteed-standards scheme: the standards per incident kind and the amount added when compensation is paid late.</summary>
public sealed class StandardsVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    public decimal? LatePaymentAmount { get; init; }
    public List<IncidentStandardDocument>? Standards { get; init; }
}
