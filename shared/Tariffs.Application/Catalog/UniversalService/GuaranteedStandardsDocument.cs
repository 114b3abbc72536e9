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
