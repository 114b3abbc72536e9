using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>A target from its effective date, with the decision or plan that sets it.</summary>
public sealed class TakeUpTargetVersionDocument : IDatedDocument
{
    public LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    /// <summary>The target take-up: a share above 0, at most 1.</summary>
    public decimal? Rate { get; init; }
}
