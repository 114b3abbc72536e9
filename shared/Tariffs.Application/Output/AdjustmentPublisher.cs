using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Output;

/// <summary>
/// Publishes adjustments for their operator: on queue <c>adjustments-out</c> and, when the operator has a
/// webhook, on <c>webhook-deliveries</c> for delivery. Payloads are split into parts that fit a queue message
/// (≤ 40,000 bytes of JSON before Base64); part n of a source gets delivery id <c>{source}|{n}</c>.
/// </summary>
public sealed class AdjustmentPublisher(IWorkQueues queues, IOptions<WebhookOptions> webhooks)
{
    private const int MaxPartBytes = 40_000;

    /// <summary>Publishes the adjustments of a publication (nothing when it has none).</summary>
    public async Task PublishAsync(Publication publication, CancellationToken cancellationToken)
    {
        if (publication.Adjustments.Count == 0)
            return;
        var hasWebhook = webhooks.Value.Operators.ContainsKey(publication.Operator);
        var part = 0;
        foreach (var slice in Parts(publication.Adjustments))
        {
            var message = new AdjustmentPublication(string.Create(CultureInfo.InvariantCulture, $"{publication.Source}|{part++}"),
                publication.Operator, publication.Authority, publication.Service, publication.BatchId, slice);
            var json = JsonSerializer.Serialize(message, TariffsJson.Options);
            await queues.SendAsync(QueueNames.AdjustmentsOut, json, null, cancellationToken).ConfigureAwait(false);
            if (hasWebhook)
                await queues.SendAsync(QueueNames.WebhookDeliveries, json, null, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Consecutive slices whose JSON stays under the part size.</summary>
    private static IEnumerable<List<PublishedAdjustment>> Parts(IReadOnlyList<PublishedAdjustment> adjustments)
    {
        var slice = new List<PublishedAdjustment>();
        var bytes = 0;
        foreach (var adjustment in adjustments)
        {
            var size = Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(adjustment, TariffsJson.Options)) + 1;
            if (slice.Count > 0 && bytes + size > MaxPartBytes)
            {
                yield return slice;
                slice = [];
                bytes = 0;
            }
            slice.Add(adjustment);
            bytes += size;
        }
        if (slice.Count > 0)
            yield return slice;
    }
}
