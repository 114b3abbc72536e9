using NodaTime;
using Tariffs.Application.Contracts;

namespace Tariffs.Application.Catalog.UniversalService;

/// <summary>A guaranteed-standards scheme as published data: services, currency, dated versions of the standards per incident kind.</summary>
public sealed class GuaranteedStandardsDocument
{
    public string? Scheme { get; init; }
    public string? Description { get; init; }
    public string? Currency { get; init; }
    public List<string>? Services { get; init; }
    public List<StandardsVersionDocument>? Versions { get; init; }
}

public sealed class StandardsVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    public decimal? LatePaymentAmount { get; init; }
    public List<IncidentStandardDocument>? Standards { get; init; }
}

/// <summary>A standard: the amount when not met by the deadline, plus an amount per further full period of hours.</summary>
public sealed class IncidentStandardDocument
{
    public string? Kind { get; init; }
    public decimal? Amount { get; init; }
    public decimal? FurtherAmount { get; init; }
    public int? FurtherPeriodHours { get; init; }
}
