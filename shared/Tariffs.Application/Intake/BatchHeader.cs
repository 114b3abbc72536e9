using Tariffs.Application.Contracts;

namespace Tariffs.Application.Intake;

/// <summary>The batch-level fields of a billing batch, once checked: the id (the idempotency key) and where it applies.</summary>
public sealed record BatchHeader(string BatchId, string Operator, string Authority, string Service, string Currency)
{
    /// <summary>
    /// Reads the header from a scan's top-level properties; errors name the field missing, not a string (a wrong type is
    /// not reported as missing) or out of its <see cref="InputLimits"/>.
    /// </summary>
    public static BatchHeader? From(BatchScan scan, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(errors);
        string? Field(string name, Func<string?, string, string?> check)
        {
            if (!scan.NotStrings.TryGetValue(name, out var type))
                return check(scan.Header.GetValueOrDefault(name), "$." + name);
            errors.Add("$." + name, $"must be a string (got {type})");
            return null;
        }
        var batchId = Field("batchId", errors.Id);
        if (batchId is not null && Ports.Rejection.IsReservedPartition(batchId))
            errors.Add("$.batchId", $"'{batchId}' is reserved: the rejections of queue messages are stored under it");
        var @operator = Field("operator", errors.OptionalId);
        var authority = Field("authority", errors.Id);
        var service = Field("service", errors.Id);
        var currency = Field("currency", errors.Code);
        if (!scan.HasLines)
            errors.Add("$.lines", "required: an array of billing lines");
        return errors.IsEmpty ? new BatchHeader(batchId!, @operator ?? "", authority!, service!, currency!) : null;
    }
}
