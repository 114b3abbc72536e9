using Tariffs.Application.Contracts;

namespace Tariffs.Application.Intake;

/// <summary>The batch-level fields of a billing batch, once checked: the id (the idempotency key) and where it applies.</summary>
public sealed record BatchHeader(string BatchId, string Operator, string Authority, string Service, string Currency)
{
    /// <summary>Reads the header from a scan's top-level properties; errors name the field missing or out of its <see cref="InputLimits"/>.</summary>
    public static BatchHeader? From(IReadOnlyDictionary<string, string> properties, bool hasLines, ValidationErrors errors)
    {
        var batchId = errors.Id(properties.GetValueOrDefault("batchId"), "$.batchId");
        if (batchId is not null && Storage.Rejections.RejectionStore.IsReservedPartition(batchId))
            errors.Add("$.batchId", $"'{batchId}' is reserved: the rejections of queue messages are stored under it");
        var @operator = errors.OptionalId(properties.GetValueOrDefault("operator"), "$.operator");
        var authority = errors.Id(properties.GetValueOrDefault("authority"), "$.authority");
        var service = errors.Id(properties.GetValueOrDefault("service"), "$.service");
        var currency = errors.Code(properties.GetValueOrDefault("currency"), "$.currency");
        if (!hasLines)
            errors.Add("$.lines", "required: an array of billing lines");
        return errors.IsEmpty ? new BatchHeader(batchId!, @operator ?? "", authority!, service!, currency!) : null;
    }
}
