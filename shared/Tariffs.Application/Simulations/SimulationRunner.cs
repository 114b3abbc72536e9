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
/// range and fans out one message per ledger shard (<see cref="ILedger.ReadShardAsync"/>); each chunk prices its
/// lines with the engine under the published catalog and the draft, with the household's eligibility as stored
/// (<see cref="EligibilityAsOf"/> at the line's pricing), and stores its households' sums under its shard
/// (<see cref="ISimulations.SaveChunkAsync"/>: a chunk run again replaces its own result), with its progress on the way.
/// <see cref="StatusAsync"/> combines the chunks (<see cref="ReformSimulation"/>). Nothing is written to the ledger.
/// </summary>
public sealed class SimulationRunner(
    ILedger ledger,
    IEligibility eligibility,
    ISimulations simulations,
    ICatalogDocuments catalogs,
    IWorkQueues queues,
    IClock clock,
    IOptions<ReportOptions> reportOptions)
{
    /// <summary>Lines priced between two saves of a chunk's progress.</summary>
    public const int ProgressEvery = 10_000;

    /// <summary>Lines whose households' eligibility is read at once.</summary>
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

    /// <summary>Handles a message of <c>simulations</c>; a <see cref="JsonException"/> when it is not one.</summary>
    public async Task HandleMessageAsync(string body, CancellationToken cancellationToken)
    {
        var message = TariffsJson.Deserialize<SimulationMessage>(body);
        if (string.IsNullOrEmpty(message?.Id))
            throw new JsonException("Not a simulation message: it needs an id.");
        if (await simulations.FindAsync(message.Id, cancellationToken).ConfigureAwait(false) is not { } record)
            throw new JsonException($"No simulation {message.Id}.");
        if (message.Shard is not { } shard)
            await PlanAsync(record, cancellationToken).ConfigureAwait(false);
        else if (shard < 0 || shard >= record.Shards)
            throw new JsonException($"Simulation {message.Id} has no chunk {shard}.");
        else
            await RunChunkAsync(record, shard, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The simulation's state and progress, and its cells when completed; null when there is none by that id.</summary>
    public async Task<SimulationStatus?> StatusAsync(string id, CancellationToken cancellationToken)
    {
        if (await simulations.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { } record)
            return null;
        var chunks = await simulations.ChunksAsync(id, cancellationToken).ConfigureAwait(false);
        var state = record.Error is not null ? SimulationState.Failed
            : record.LinesTotal is null ? SimulationState.Queued
            : chunks.Count(c => c.Completed) == record.Shards ? SimulationState.Completed
            : SimulationState.Running;
        return new SimulationStatus(record.Id, record.Authority, record.Service, record.From, record.To, state,
            chunks.Sum(c => c.LinesDone), record.LinesTotal, chunks.Sum(c => c.Refused), record.Error,
            state == SimulationState.Completed ? Combine(record, chunks).Build() : null);
    }

    /// <summary>
    /// The household-level diff of a completed simulation (for the regulator only), in period, area and household order,
    /// <paramref name="limit"/> from <paramref name="offset"/>, with whether more follow; null when there is no such
    /// simulation or it is not completed.
    /// </summary>
    public async Task<(IReadOnlyList<HouseholdChange> Page, bool More)?> HouseholdsAsync(string id, int offset, int limit, CancellationToken cancellationToken)
    {
        if (await simulations.FindAsync(id, cancellationToken).ConfigureAwait(false) is not { Error: null, LinesTotal: not null } record)
            return null;
        var chunks = await simulations.ChunksAsync(id, cancellationToken).ConfigureAwait(false);
        if (chunks.Count(c => c.Completed) != record.Shards)
            return null;
        var all = Combine(record, chunks).Households().Skip(offset).Take(limit + 1).ToList();
        return (all.Take(limit).ToList(), all.Count > limit);
    }

    /// <summary>Counts the lines of the range, then queues one chunk per shard (a plan run again queues them again: each chunk replaces its own result).</summary>
    private async Task PlanAsync(SimulationRecord record, CancellationToken cancellationToken)
    {
        long total = 0;
        for (var shard = 0; shard < record.Shards; shard++)
            await foreach (var line in ledger.ReadShardAsync(shard, record.Authority, record.Service, cancellationToken).ConfigureAwait(false))
                if (InRange(record, line))
                    total++;
        await simulations.SaveAsync(record with { LinesTotal = total }, cancellationToken).ConfigureAwait(false);
        for (var shard = 0; shard < record.Shards; shard++)
            await SendAsync(new SimulationMessage(record.Id, shard), cancellationToken).ConfigureAwait(false);
    }

    private async Task RunChunkAsync(SimulationRecord record, int shard, CancellationToken cancellationToken)
    {
        var (published, draft) = (Catalog(record.PublishedJson), Catalog(record.DraftJson));
        if (published is null || draft is null)
        {
            await simulations.SaveAsync(record with { Error = "the stored published catalog or draft no longer reads" }, cancellationToken).ConfigureAwait(false);
            return;
        }
        var programs = published.Programs.Select(p => p.Id).Union(draft.Programs.Select(p => p.Id)).ToList();
        var simulation = new ReformSimulation(reportOptions.Value.ToRules());
        long done = 0, refused = 0, saved = 0;
        var currency = "";
        var pending = new List<LedgerLine>(Batch);

        async Task PriceAsync()
        {
            var stored = await eligibility.ForHouseholdsAsync(programs, pending.Select(l => l.HouseholdId).ToHashSet(StringComparer.Ordinal), cancellationToken).ConfigureAwait(false);
            foreach (var line in pending)
            {
                var household = stored.GetValueOrDefault(line.HouseholdId) ?? HouseholdEligibility.None;
                try
                {
                    var now = TariffEngine.Price(line.ToBillingLine(), published, EligibilityAsOf.Windows(household, published, line.PricedAt));
                    var under = TariffEngine.Price(line.ToBillingLine(), draft, EligibilityAsOf.Windows(household, draft, line.PricedAt));
                    simulation.Add(line, now, under);
                    currency = now.Currency.Code;
                }
                catch (PricingException)
                {
                    refused++;
                }
                done++;
            }
            pending.Clear();
            if (done - saved >= ProgressEvery)
            {
                saved = done;
                await simulations.SaveChunkAsync(record.Id, new SimulationChunk(shard, done, refused, false, currency, []), cancellationToken).ConfigureAwait(false);
            }
        }

        await foreach (var line in ledger.ReadShardAsync(shard, record.Authority, record.Service, cancellationToken).ConfigureAwait(false))
        {
            if (!InRange(record, line))
                continue;
            pending.Add(line);
            if (pending.Count == Batch)
                await PriceAsync().ConfigureAwait(false);
        }
        if (pending.Count > 0)
            await PriceAsync().ConfigureAwait(false);
        await simulations.SaveChunkAsync(record.Id, new SimulationChunk(shard, done, refused, true, currency, [.. simulation.Households()]), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The chunks' households in one simulation (a household is in one chunk only).</summary>
    private ReformSimulation Combine(SimulationRecord record, IReadOnlyList<SimulationChunk> chunks)
    {
        var simulation = new ReformSimulation(reportOptions.Value.ToRules());
        foreach (var chunk in chunks.Where(c => c.Completed))
            foreach (var household in chunk.Households)
                simulation.Add(household, chunk.Currency, record.Service);
        return simulation;
    }

    private static bool InRange(SimulationRecord record, LedgerLine line) => line.Period.End >= record.From && line.Period.End <= record.To;

    private static ServiceCatalog? Catalog(string json) => CatalogDocumentReader.Read(json).Catalog;

    private Task SendAsync(SimulationMessage message, CancellationToken cancellationToken) =>
        queues.SendAsync(QueueNames.Simulations, JsonSerializer.Serialize(message, TariffsJson.Options), null, cancellationToken);
}
