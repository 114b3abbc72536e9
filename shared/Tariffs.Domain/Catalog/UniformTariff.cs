namespace Tariffs.Domain.Catalog;

/// <summary>
/// The universal-service rule that every household of the authority pays the same standard tariff whatever its
/// area: a line billed above the repriced standard bill by more than <paramref name="Tolerance"/> is an
/// overcharge finding, refunded as an adjustment when <paramref name="Refund"/> is true.
/// </summary>
public sealed record UniformTariff(decimal Tolerance, bool Refund, LegalReference Legal);
