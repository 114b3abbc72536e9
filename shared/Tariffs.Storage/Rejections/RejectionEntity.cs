using Tariffs.Application.Ports;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Rejections;

/// <summary>
/// Why an input was refused: PartitionKey = where it came from (a batch id, or the queue name for a
/// message that could not be read), RowKey = what was refused (a line number, a message id).
/// </summary>
public sealed class RejectionEntity : StorageEntity
{
    public string Source { get; set; } = "";
    /// <summary>Why, at most <see cref="Rejection.MaxReason"/> characters.</summary>
    public string Reason { get; set; } = "";
    /// <summary>The beginning of the refused input, for a person to inspect (at most <see cref="Rejection.MaxExcerpt"/> characters).</summary>
    public string Excerpt { get; set; } = "";
}
