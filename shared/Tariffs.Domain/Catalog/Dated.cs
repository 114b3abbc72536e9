using NodaTime;

namespace Tariffs.Domain.Catalog;

/// <summary>
/// A value in force from <see cref="EffectiveFrom"/> until the day before the next version of the same
/// parameter, with the legal reference that sets it. The effective date identifies the version.
/// </summary>
public sealed record Dated<T>(LocalDate EffectiveFrom, LegalReference Legal, T Value)
{
    /// <summary>The first day the value is in force (fixed: <see cref="Version"/> is made from it).</summary>
    public LocalDate EffectiveFrom { get; } = EffectiveFrom;

    /// <summary>The version identifier stored with adjustments: the effective date as yyyy-MM-dd (formatted once).</summary>
    public string Version { get; } = EffectiveFrom.ToString("yyyy-MM-dd", null);
}
