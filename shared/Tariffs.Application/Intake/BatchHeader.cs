using Tariffs.Application.Contracts;

namespace Tariffs.Application.Intake;

/// <summary>The batch-level fields of a billing batch, once checked: the id (the idempotency key) and where it applies.</summary>
public sealed record BatchHeader(string BatchId, string Operator, string Authority, string Service, string Currency)
{
    /// <summary>Reads the header from a scan's top-level properties; errors name the missing field.</summary>
    public static BatchHeader? From(IReadOnlyDictionary<string, string> properties, bool hasLines, ValidationErrors errors)
    {
        string? Get(string name) => errors.Required(properties.GetValueOrDefault(name), $"$.{name}");
        var batchId = Get("batchId");
        var authority = Get("authority");
        var service = Get("service");
        var currency = Get("currency");
        if (!hasLines)
            errors.Add("$.lines", "required: an array of billing lines");
        if (batchId is { Length: > 200 })
            errors.Add("$.batchId", "at most 200 characters");
        return errors.IsEmpty ? new BatchHeader(batchId!, properties.GetValueOrDefault("operator") ?? "", authority!, service!, currency!) : null;
    }
}
