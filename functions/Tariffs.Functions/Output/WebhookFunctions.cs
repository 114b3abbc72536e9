using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Messages;
using Tariffs.Application.Output;

using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Output;

/// <summary>
/// Delivers published adjustments to operators' webhooks (queue <c>webhook-deliveries</c>); replays the
/// deliveries that failed, on a schedule and on demand.
/// </summary>
public sealed class WebhookFunctions(WebhookDelivery delivery, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>Name of the app setting holding the NCRONTAB schedule (UTC) of the replay of failed deliveries.</summary>
    public const string ReplayScheduleSetting = "WebhookReplaySchedule";

    [Function(nameof(DeliverWebhook))]
    public Task DeliverWebhook([QueueTrigger(QueueNames.WebhookDeliveries)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.WebhookDeliveries, message.MessageId, body, () => delivery.DeliverAsync(body, cancellationToken), cancellationToken);
    }

    [Function(nameof(ReplayWebhookDeliveries))]
    public Task ReplayWebhookDeliveries([TimerTrigger("%" + ReplayScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        delivery.ReplayAsync(cancellationToken);

    [Function(nameof(ReplayWebhookDeliveriesNow))]
    public async Task<IActionResult> ReplayWebhookDeliveriesNow(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "deliveries/replay")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Operator, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        return new OkObjectResult(new { delivered = await delivery.ReplayAsync(cancellationToken) });
    }
}
