namespace Tariffs.Domain.Catalog;

/// <summary>
/// The universal-service rule that every household of the authority pays the same standard tariff whatever its
/// area: a line billed above the repriced standard bill by more than <paramref name="Tolerance"/> is an
/// overcharge finding, refunded as an adjustment when <paramref name="Refund"/> is true. The tolerance is 0 or more.
/// </summary>
public sealed record UniformTariff(decimal Tolerance, bool Refund, LegalReference Legal)
{
    /// <summary>How much a line may be billed above the repriced standard bill: 0 or more.</summary>
    public decimal Tolerance { get; } = Guard.NonNegative(Tolerance);
}
