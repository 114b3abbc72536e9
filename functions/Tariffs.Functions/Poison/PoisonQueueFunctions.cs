using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Messages;

namespace Tariffs.Functions.Poison;

/// <summary>
/// Whatever reaches a <c>&lt;queue&gt;-poison</c> queue is stored as a rejection with the queue, the message id, its
/// insertion time, an excerpt and the last error its function recorded, then deleted (<see cref="PoisonQueueSweeper"/>).
/// A timer rather than a trigger per poison queue: a message that is not Base64 is moved there undecoded, and a trigger
/// could not read it either.
/// </summary>
public sealed class PoisonQueueFunctions(PoisonQueueSweeper sweeper)
{
    /// <summary>NCRONTAB schedule (UTC) of the sweep: every 15 seconds.</summary>
    public const string SweepSchedule = "*/15 * * * * *";

    [Function(nameof(SweepPoisonQueues))]
    public Task SweepPoisonQueues([TimerTrigger(SweepSchedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        sweeper.SweepAsync(cancellationToken);
}
