using System.Text.Json;
using Microsoft.Extensions.Options;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Json;
using Tariffs.Application.Messages;
using Tariffs.Application.Ports;
using Tariffs.Application.Reports;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Simulations;

/// <summary>
/// Reform simulation on the live ledger, as queued work: a request (<see cref="StartAsync"/>) is stored with the
/// published catalog it compares with and queued on <c>simulations</c>; its first message counts the lines of the
/// range (from their keys, where they are stored) and fans out one message per ledger shard (<see cref="ILedger.ReadShardAsync"/>). Each chunk prices its lines
/// with the engine under the published catalog and the draft, with the eligibility pricing applies
/// (<see cref="EffectiveEligibility"/>: agency flags and revocations as they counted when the line was priced, and for
/// programs with criteria the household's stored facts judged by each catalog's own criteria, so a draft that changes a
/// threshold grants or takes away). Every <see cref="SimulationOptions.CheckpointLines"/> lines a chunk checkpoints:
/// it stores the households whose lines are all done as a segment, then where it stands (the last line, the segments,
/// the counts: <see cref="SimulationChunk"/>); a chunk delivered again reads on after its last checkpoint and writes
/// the segment after it again, so every household is counted once. When the last chunk completes, the segments are
/// combined once into the result (<see cref="SimulationResult"/>), which <see cref="StatusAsync"/> reads. A message
/// that fails for good, or on its last delivery, or reaches the poison queue (<see cref="PoisonedAsync"/>) marks the
/// simulation failed with why. Nothing is written to the ledger.
/// </summary>
public sealed class SimulationRunner(
    ILedger ledger,
    EffectiveEligibility eligibility,
    ISimulations simulations,
    ICatalogDocuments catalogs,
    IWorkQueues queues,
    MessageGuard guard,
    IClock clock,
    IOptions<ReportOptions> reportOptions,
    IOptions<SimulationOptions> options) : IPoisonedWork
{
    /// <summary>Lines whose households' eligibility and facts are read at once (more when a household's lines go beyond).</summary>
    private const int Batch = 500;

    /// <summary>
    /// Stores and queues a simulation; returns its id, or the faults: the request's (<see cref="SimulationRequest.Read"/>),
    /// or that no catalog of the authority's service is published to compare the draft with.
    /// </summary>
    public async Task<(string? Id, IReadOnlyList<string> Errors)> StartAsync(string body, CancellationToken cancellationToken)
    {
        var (request, errors) = SimulationRequest.Read(body);
        if (request is null)
            return (null, errors);
        if (await catalogs.FindAsync(request.Authority, request.Service, cancellationToken).ConfigureAwait(false) is not { } blob
            || await catalogs.DownloadAsync(blob.Name, cancellationToken).ConfigureAwait(false) is not { } published)
            return (null, [$"$.service: no catalog of {request.Authority}/{request.Service} is published to compare the draft with"]);
        var id = Guid.NewGuid().ToString("N");
        await simulations.SaveAsync(new SimulationRecord(id, request.Authority, request.Service, request.From, request.To, request.DraftJson, published.Json,
            clock.GetCurrentInstant(), ledger.Shards), cancellationToken).ConfigureAwait(false);
        await SendAsync(new SimulationMessage(id, null), cancellationToken).ConfigureAwait(false);
        return (id, []);
    }

    /// <summary>
    /// Handles a message of <c>simulations</c> delivered for the <paramref name="dequeueCount"/>-th time. When the work
    /// fails for good (<see cref="MessageGuard.IsUnprocessable"/>) or on the message's last delivery
    /// (<see cref="MessageGuard.IsLastDelivery"/>), the simulation is marked failed with why instead of throwing; any
    /// other failure is thrown, for the message to be delivered again (a chunk then resumes from its last checkpoint).
    /// A <see cref="JsonException"/> when the message is not one of a stored simulation.
    /// </summary>
    public async Task HandleMessageAsync(string body, long dequeueCount, CancellationToken cancellationToken)
    {
        var message = TariffsJson.Deserialize<SimulationMessage>(body);
        if (string.IsNullOrEmpty(message?.Id))
            throw new JsonException("Not a simulation message: it needs an id.");
        if (await simulations.FindAsync(message.Id, cancellationToken).ConfigureAwait(false) is not { } record)
            throw new JsonException($"No simulation {message.Id}.");
        if (message.Shard is < 0 || message.Shard >= record.Shards)
            throw new JsonException($"Simulation {message.Id} has no chunk {message.Shard}.");
        try
        {
            if (message.Shard is { } shard)
                await RunChunkAsync(record, shard, cancellationToken).ConfigureAwait(false);
            else
                await PlanAsync(record, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && (guard.IsUnprocessable(e) || guard.IsLastDelivery(dequeueCount)))
        {
            await FailAsync(record.Id, $"{Work(message)}: {guard.Describe(e)} (delivery {dequeueCount})", cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public string Queue => QueueNames.Simulations;

    /// <summary>A message of <c>simulations</c> reached its poison queue (its host stopped on every delivery): its simulation fails with why; a body that is no simulation message is left to the stored rejection.</summary>
    public async Task PoisonedAsync(string body, string reason, CancellationToken cancellationToken)
    {
        SimulationMessage? message;
        try
        {
            message = TariffsJson.Deserialize<SimulationMessage>(body);
        }
        catch (JsonException)
        {
            return;
        }
        if (!string.IsNullOrEmpty(message?.Id))
            await FailAsync(message.Id, $"{Work(message)}: {reason}", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The simulation's state and progress, and its cells when completed (read from the stored result, never
    /// recombined); null when there is none by that id.
    /// </summary>
    public async Task<SimulationStatus?> StatusAsync(string id, CancellationToken cancellationToken)
    {
        if (await simulations.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
            return null;
        if (record.Error is null && await simulations.ResultAsync(id, cancellationToken).ConfigureAwait(false) is { } result)
            return Status(record, SimulationState.Completed, result.LinesDone, result.Refused, result.Cells);
        var chunks = await simulations.ChunksAsync(id, cancellationToken).ConfigureAwait(false);
        var state = record.Error is not null ? SimulationState.Failed
            : record.LinesTotal is null ? SimulationState.Queued
            : SimulationState.Running;
        return Status(record, state, chunks.Sum(c => c.LinesDone), chunks.Sum(c => c.Refused), null);
    }

    /// <summary>
    /// The household-level diff of a completed simulation (for the regulator only), <paramref name="limit"/> household
    /// rows from <paramref name="offset"/>, with whether more follow; null when there is no such simulation or it is not
    /// completed. In the result's segment order (chunk, then segment; in a segment by period, area and household): only
    /// the segments the page needs are read.
    /// </summary>
    public async Task<(IReadOnlyList<HouseholdChange> Page, bool More)?> HouseholdsAsync(string id, int offset, int limit, CancellationToken cancellationToken)
    {
        if (await simulations.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Error: null }
            || await simulations.ResultAsync(id, cancellationToken).ConfigureAwait(false) is not { } result)
            return null;
        var page = new List<HouseholdChange>(Math.Min(limit, 1_000) + 1);
        var skip = offset;
        foreach (var segment in result.Segments)
        {
            if (skip >= segment.Households)
            {
                skip -= segment.Households;
                continue;
            }
            var households = await simulations.SegmentAsync(id, segment.Shard, segment.Segment, cancellationToken).ConfigureAwait(false);
            page.AddRange(households.Skip(skip).Take(limit + 1 - page.Count));
            skip = 0;
            if (page.Count > limit)
                break;
        }
        return (page.Take(limit).ToList(), page.Count > limit);
    }

    /// <summary>
    /// Counts the lines of the range, every shard side by side from the keys alone (<see cref="ILedger.CountShardAsync"/>),
    /// then queues one chunk per shard (a plan run again queues them again: a chunk done or begun resumes where it stands).
    /// </summary>
    private async Task PlanAsync(SimulationRecord record, CancellationToken cancellationToken)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, record.Shards).Select(shard => ledger.CountShardAsync(shard, record.Lines, cancellationToken))).ConfigureAwait(false);
        var total = counts.Sum();
        if (await simulations.FindAsync(record.Id, cancellationToken).ConfigureAwait(false) is not { Error: null } current)
            return;
        await simulations.SaveAsync(current with { LinesTotal = total }, cancellationToken).ConfigureAwait(false);
        for (var shard = 0; shard < record.Shards; shard++)
            await SendAsync(new SimulationMessage(record.Id, shard), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Prices what is left of a chunk (nothing when it completed already), then combines the result if every chunk is done.</summary>
    private async Task RunChunkAsync(SimulationRecord record, int shard, CancellationToken cancellationToken)
    {
        if (record.Error is not null)
            return;
        var (published, draft) = (Catalog(record.PublishedJson), Catalog(record.DraftJson));
        if (published is null || draft is null)
        {
            await FailAsync(record.Id, "the stored published catalog or draft no longer reads", cancellationToken).ConfigureAwait(false);
            return;
        }
        var chunks = await simulations.ChunksAsync(record.Id, cancellationToken).ConfigureAwait(false);
        var chunk = chunks.FirstOrDefault(c => c.Shard == shard) ?? new SimulationChunk(shard, 0, 0, false, "");
        if (!chunk.Completed)
            await PriceAsync(record, published, draft, chunk, cancellationToken).ConfigureAwait(false);
        await CombineAsync(record, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Prices a chunk's lines after its checkpoint (<paramref name="chunk"/>), in the shard's order, in batches that end
    /// with a household's last line; checkpoints once <see cref="SimulationOptions.CheckpointLines"/> lines are done
    /// since the last, and at the end (completed).
    /// </summary>
    private async Task PriceAsync(SimulationRecord record, ServiceCatalog published, ServiceCatalog draft, SimulationChunk chunk, CancellationToken cancellationToken)
    {
        var every = Math.Max(1, options.Value.CheckpointLines);
        var rules = reportOptions.Value.ToRules();
        var segment = new ReformSimulation(rules);
        var (done, refused, segments, currency, after) = (chunk.LinesDone, chunk.Refused, chunk.Segments, chunk.Currency, chunk.After);
        var saved = done;
        var pending = new List<LedgerLine>(Batch);

        async Task PriceBatchAsync()
        {
            var households = pending.Select(l => l.HouseholdId).ToHashSet(StringComparer.Ordinal);
            var found = await eligibility.ForHouseholdsAsync([published, draft], households, cancellationToken).ConfigureAwait(false);
            foreach (var line in pending)
            {
                var household = found.GetValueOrDefault(line.HouseholdId) ?? HouseholdEligibility.None;
                try
                {
                    var now = TariffEngine.Price(line.ToBillingLine(), published, EffectiveEligibility.Windows(household, published, line.Period, line.PricedAt));
                    var under = TariffEngine.Price(line.ToBillingLine(), draft, EffectiveEligibility.Windows(household, draft, line.Period, line.PricedAt));
                    segment.Add(line, now, under);
                    currency = now.Currency.Code;
                }
                catch (PricingException)
                {
                    refused++;
                }
                done++;
            }
            after = pending[^1].Id;
            pending.Clear();
        }

        async Task CheckpointAsync(bool completed)
        {
            var households = segment.Households().ToList();
            if (households.Count > 0)
                await simulations.SaveSegmentAsync(record.Id, chunk.Shard, segments++, households, cancellationToken).ConfigureAwait(false);
            await simulations.SaveChunkAsync(record.Id, new SimulationChunk(chunk.Shard, done, refused, completed, currency) { After = after, Segments = segments },
                cancellationToken).ConfigureAwait(false);
            segment = new ReformSimulation(rules);
            saved = done;
        }

        await foreach (var line in ledger.ReadShardAsync(chunk.Shard, record.Lines, chunk.After, cancellationToken).ConfigureAwait(false))
        {
            if (pending.Count > 0 && line.HouseholdId != pending[^1].HouseholdId && (pending.Count >= Batch || done + pending.Count - saved >= every))
            {
                await PriceBatchAsync().ConfigureAwait(false);
                if (done - saved >= every)
                    await CheckpointAsync(false).ConfigureAwait(false);
            }
            pending.Add(line);
        }
        if (pending.Count > 0)
            await PriceBatchAsync().ConfigureAwait(false);
        await CheckpointAsync(true).ConfigureAwait(false);
    }

    /// <summary>
    /// Once every chunk completed (and the simulation did not fail), combines their segments into the stored result,
    /// one segment in memory at a time: memory grows with the cells (period × area), not with the households. Run again
    /// (two chunks completing together, a message delivered again) it stores the same result.
    /// </summary>
    private async Task CombineAsync(SimulationRecord record, CancellationToken cancellationToken)
    {
        var chunks = await simulations.ChunksAsync(record.Id, cancellationToken).ConfigureAwait(false);
        if (chunks.Count(c => c.Completed) != record.Shards
            || await simulations.FindAsync(record.Id, cancellationToken).ConfigureAwait(false) is not { Error: null })
            return;
        var totals = new SimulationTotals(reportOptions.Value.ToRules());
        var segments = new List<SimulationSegment>();
        foreach (var chunk in chunks)
            for (var number = 0; number < chunk.Segments; number++)
            {
                var households = await simulations.SegmentAsync(record.Id, chunk.Shard, number, cancellationToken).ConfigureAwait(false);
                foreach (var household in households)
                    totals.Add(household, chunk.Currency, record.Service);
                segments.Add(new SimulationSegment(chunk.Shard, number, households.Count));
            }
        await simulations.SaveResultAsync(record.Id, new SimulationResult(chunks.Sum(c => c.LinesDone), chunks.Sum(c => c.Refused), totals.Build(), segments),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Marks a simulation failed with <paramref name="reason"/>; the first reason stays (a simulation fails once), and a
    /// completed one stays completed (a stray copy of a message failing after its result was stored).
    /// </summary>
    private async Task FailAsync(string id, string reason, CancellationToken cancellationToken)
    {
        if (await simulations.FindAsync(id, cancellationToken).ConfigureAwait(false) is { Error: null } record
            && await simulations.ResultAsync(id, cancellationToken).ConfigureAwait(false) is null)
            await simulations.SaveAsync(record with { Error = reason }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What a message asks for, for a reason: a chunk, or counting the lines.</summary>
    private static string Work(SimulationMessage message) => message.Shard is { } shard ? $"chunk {shard}" : "counting the lines";

    private static SimulationStatus Status(SimulationRecord record, SimulationState state, long done, long refused, IReadOnlyList<SimulationCell>? cells) =>
        new(record.Id, record.Authority, record.Service, record.From, record.To, state, done, record.LinesTotal, refused, record.Error, cells);

    private static ServiceCatalog? Catalog(string json) => CatalogDocumentReader.Read(json).Catalog;

    private Task SendAsync(SimulationMessage message, CancellationToken cancellationToken) =>
        queues.SendAsync(QueueNames.Simulations, JsonSerializer.Serialize(message, TariffsJson.Options), null, cancellationToken);
}
