namespace Tariffs.Application.Messages;

/// <summary>Names of the queues the service reads and writes.</summary>
public static class QueueNames
{
    /// <summary>Billing batches from operators: a small batch inline, or a claim-check reference to a blob.</summary>
    public const string BillingBatches = "billing-batches";

    /// <summary>Chunks of large batches: a byte range of a stored batch document, a bounded piece of work each.</summary>
    public const string BillingChunks = "billing-chunks";

    /// <summary>Eligibility flags from social services.</summary>
    public const string EligibilityFlags = "eligibility-flags";

    /// <summary>Household facts statements from social services (eligibility is determined from them by the catalog's criteria).</summary>
    public const string HouseholdFacts = "household-facts";

    /// <summary>Households whose billed lines must be recomputed after their eligibility changed.</summary>
    public const string HouseholdRecompute = "household-recompute";

    /// <summary>Adjustments published for operators, one message per processed chunk.</summary>
    public const string AdjustmentsOut = "adjustments-out";

    /// <summary>Adjustments to deliver to an operator's webhook (the same payloads as <see cref="AdjustmentsOut"/>).</summary>
    public const string WebhookDeliveries = "webhook-deliveries";

    /// <summary>Report units to refresh (authority, service, year), one message each, so that a refresh fans out over instances.</summary>
    public const string ReportUnits = "report-units";

    /// <summary>Reform simulations: one message to count a simulation's lines and fan it out, then one per ledger shard to price.</summary>
    public const string Simulations = "simulations";

    /// <summary>Exports of the whole deployment queued by the regulator: one message per export, which resumes it where it stopped.</summary>
    public const string Exports = "exports";

    /// <summary>Suffix of the poison queue of a queue, where the queue trigger moves a message after its last failed delivery.</summary>
    public const string PoisonSuffix = "-poison";

    /// <summary>Every queue, for creation at startup.</summary>
    public static IReadOnlyList<string> All { get; } = [BillingBatches, BillingChunks, EligibilityFlags, HouseholdFacts, HouseholdRecompute, AdjustmentsOut, WebhookDeliveries, ReportUnits, Simulations, Exports];
}
