using System.Text.Json;
using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// A household billing batch posted by an operator (schema: shared/contracts/billing-batch.schema.json).
/// The batch id is the idempotency key. Lines stay raw JSON until each is validated on its own, so that one
/// bad line is rejected without losing the others.
/// </summary>
public sealed class BillingBatchMessage
{
    public string? BatchId { get; init; }
    public string? Operator { get; init; }
    public string? Authority { get; init; }
    public string? Service { get; init; }
    public string? Currency { get; init; }
    public Instant? CreatedAt { get; init; }
    public List<JsonElement>? Lines { get; init; }
}

/// <summary>One line of a billing batch as sent; every field is checked by the batch validator.</summary>
public sealed class BillingLineMessage
{
    public int? LineNumber { get; init; }
    public string? HouseholdId { get; init; }
    public string? AccountId { get; init; }
    public string? Area { get; init; }
    public bool? MainResidence { get; init; }
    public int? Persons { get; init; }
    public PeriodMessage? Period { get; init; }
    public ConsumptionMessage? Consumption { get; init; }
    public string? TariffCode { get; init; }
    public decimal? BilledAmount { get; init; }
}

/// <summary>An inclusive date interval: both days count.</summary>
public sealed class PeriodMessage
{
    public LocalDate? From { get; init; }
    public LocalDate? To { get; init; }
}

/// <summary>A consumed quantity and its unit (m3, kWh).</summary>
public sealed class ConsumptionMessage
{
    public decimal? Quantity { get; init; }
    public string? Unit { get; init; }
}
