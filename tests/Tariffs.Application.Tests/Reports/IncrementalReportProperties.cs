using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Application.Reports;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;
using Tariffs.Storage;
using Tariffs.Storage.Events;
using Tariffs.Storage.Reports;
using Tariffs.Storage.Tables;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Reports;

/// <summary>
/// Issue 16: the incremental refresh equals a full recompute, cell by cell. Random sequences of batches (lines of two
/// authorities over two years, households recurring across areas and months), corrections (late grants and
/// revocations: bill adjustments and payments, positive or negative, which also change who counts as eligible),
/// facts statements (corrections recording how the household is eligible: determined, flagged, both or neither, so
/// that the determined, flagged and take-up-gap counts move; lines priced with a basis or stored before it existed),
/// service events (compensations, blocked restrictions) and incremental refreshes in between are written the way the
/// service writes them (ledger, then <see cref="ReportChanges"/>); after a last refresh, the regulator's cells stored
/// must equal those <see cref="EquityReportBuilder"/> computes from the whole ledger and every event — the computation
/// the report made before it was incremental — with the same suppression.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IncrementalReportProperties(AzuriteFixture azurite)
{
    private const string Service = "water";

    /// <summary>One step of a sequence; the fields a kind does not use are ignored.</summary>
    public sealed record Step(int Kind, int Authority, int Year, int Seed, int Count);

    private static readonly Arbitrary<Step[]> Sequences = Gen.Choose(0, 11)
        .SelectMany(kind => Gen.Choose(0, 1).SelectMany(authority => Gen.Choose(2022, 2023).SelectMany(year =>
            Gen.Choose(0, 1_000_000).SelectMany(seed => Gen.Choose(1, 14).Select(count =>
                new Step(kind switch { < 4 => 0, < 7 => 1, < 9 => 2, 9 => 3, _ => 4 }, authority, year, seed, count))))))
        .ArrayOf()
        .Select(steps => steps.Take(12).ToArray())
        .ToArbitrary();

    // FsCheck runs and shrinks properties synchronously: each case blocks on its own storage calls, on the test's thread.
#pragma warning disable xUnit1031
    [Fact]
    public void An_incremental_refresh_after_random_writes_equals_the_full_recompute_cell_by_cell()
    {
        using var services = Services();
        services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20),
            Prop.ForAll(Sequences, steps => RunAsync(services, steps).GetAwaiter().GetResult()));
    }
#pragma warning restore xUnit1031

    private ServiceProvider Services() => new ServiceCollection()
        .AddLogging()
        .AddSingleton(new Azure.Data.Tables.TableServiceClient(azurite.ConnectionString))
        .AddSingleton(new Azure.Storage.Queues.QueueServiceClient(azurite.ConnectionString))
        .AddSingleton(new Azure.Storage.Blobs.BlobServiceClient(azurite.ConnectionString))
        .AddTariffsApplication(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tariffs:Reports:ReleaseSettle"] = "00:00:00",
            ["Tariffs:Reports:SuppressionThreshold"] = "3",
        }).Build())
        .AddTariffsStorage()
        .BuildServiceProvider();

    private static async Task<bool> RunAsync(ServiceProvider services, Step[] steps)
    {
        var ledger = services.GetRequiredService<ILedger>();
        var changes = services.GetRequiredService<ReportChanges>();
        var events = services.GetRequiredService<ServiceEventStore>();
        var refresh = services.GetRequiredService<EquityReportRefresh>();
        var run = Guid.NewGuid().ToString("N")[..10];
        string[] authorities = [$"inc-{run}-a", $"inc-{run}-b"];
        var written = new List<LedgerLineId>();
        var batch = 0;
        foreach (var step in steps)
        {
            var random = new Random(step.Seed);
            switch (step.Kind)
            {
                case 0:
                    var id = $"{run}-b{batch++}";
                    var lines = Enumerable.Range(1, step.Count).Select(n => Line(random, authorities[step.Authority], step.Year, new LedgerLineId($"h{random.Next(8)}", id, n))).ToList();
                    await ledger.AppendAsync(lines, CancellationToken.None);
                    await changes.ProjectAsync(lines, [], CancellationToken.None);
                    written.AddRange(lines.Select(l => l.Id));
                    break;
                case 1 or 4 when written.Count > 0:
                    // 1: a flag's or revocation's recomputation (a basis recorded or not, as before the basis existed);
                    // 4: a facts statement's, which records the basis it establishes: determined or no longer, the agency's flag kept or not.
                    var line = (await ledger.ReadLineAsync(written[step.Seed % written.Count], CancellationToken.None))!;
                    var rule = step.Kind == 4 ? "facts" : random.Next(2) == 0 ? "grant" : "payment";
                    var correction = new LedgerItem(rule, "p", rule == "grant" ? RuleStep.Credit : RuleStep.Payment, random.Next(-3_000, 3_000),
                        line.Items.Where(i => i.RuleId == rule).Select(i => i.Sequence + 1).DefaultIfEmpty(1).Max(), "", "", line.Period, [])
                    {
                        Basis = step.Kind == 4 ? BasisOf(random.Next(4)) : random.Next(3) == 0 ? null : BasisOf(random.Next(4)),
                    };
                    if (await ledger.TryAppendCorrectionsAsync(line, [correction], "{}", CancellationToken.None) is { } pending)
                    {
                        await ledger.CompletePublicationAsync(pending, CancellationToken.None);
                        await changes.LinesStoredAsync([line with { Items = [.. line.Items, correction] }], CancellationToken.None);
                    }
                    break;
                case 2:
                    var kept = new StoredServiceEvent
                    {
                        Kind = random.Next(2) == 0 ? StoredServiceEvent.CompensationKind : StoredServiceEvent.RestrictionKind,
                        Authority = authorities[step.Authority],
                        Service = Service,
                        Area = $"z{random.Next(3)}",
                        HouseholdId = $"h{random.Next(8)}",
                        Date = StoredDate.Format(new LocalDate(step.Year, 1 + random.Next(12), 1 + random.Next(28))),
                        Currency = "EUR",
                        CompensationMinor = random.Next(0, 5_000),
                        Verdict = random.Next(2) == 0 ? "Blocked" : "Allowed",
                    };
                    await events.AddAsync(kept, $"e{step.Seed}", CancellationToken.None);
                    await changes.EventStoredAsync(kept, CancellationToken.None);
                    break;
                case 3:
                    await refresh.RefreshAsync(CancellationToken.None);
                    break;
            }
        }
        await refresh.RefreshAsync(CancellationToken.None);

        var expected = await FullRecomputeAsync(services, authorities);
        var stored = new List<EquityCell>();
        await foreach (var cell in services.GetRequiredService<ReportStore>().QueryAsync(Service, null, CancellationToken.None))
            if (authorities.Contains(cell.Cell.Key.Authority))
                stored.Add(cell.Cell);
        stored = [.. stored.OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)];
        if (expected.SequenceEqual(stored))
            return true;
        var first = expected.Zip(stored).FirstOrDefault(p => p.First != p.Second);
        throw new InvalidOperationException($"{expected.Count} cells expected, {stored.Count} stored; first difference: expected {first.First}, stored {first.Second}");
    }

    /// <summary>The regulator's cells of the authorities from the whole ledger and every event, as stored cells read back.</summary>
    private static async Task<List<EquityCell>> FullRecomputeAsync(ServiceProvider services, string[] authorities)
    {
        var builder = new EquityReportBuilder(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReportOptions>>().Value.ToRules());
        await foreach (var read in services.GetRequiredService<ILedger>().ReadAllForReportsAsync(CancellationToken.None))
            if (read.Line is { } line && authorities.Contains(line.Authority))
                builder.Add(line.ToReportLine());
        await foreach (var e in services.GetRequiredService<ServiceEventStore>().AllAsync(CancellationToken.None))
            if (authorities.Contains(e.Authority))
                builder.Add(EquityReportCalculator.ToServiceEvent(e));
        // Every period of 2022 and 2023 has ended: none is provisional. Read back through the stored encoding.
        return [.. builder.Build()
            .Select(c => EquityCellMapping.FromEntity(EquityCellMapping.ToEntity(c, DateTimeOffset.UnixEpoch)).Cell)
            .OrderBy(c => c.Key.ToString(), StringComparer.Ordinal)];
    }

    private static LedgerLine Line(Random random, string authority, int year, LedgerLineId id)
    {
        var month = 1 + random.Next(12);
        var period = new DateInterval(new LocalDate(year, month, 1), new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1));
        var standard = random.Next(1_000, 20_000);
        var eligible = random.Next(3) == 0;
        return new LedgerLine(id, "op", authority, Service, Currency.Eur, "acc", $"z{random.Next(3)}", true, 2, period, random.Next(1, 40), "m3", "DOM",
            standard + random.Next(0, 500), standard, eligible, Instant.FromUtc(year, month, 1, 0, 0),
            eligible ? [new LedgerItem("grant", "p", RuleStep.PercentageDiscount, -random.Next(100, 2_000), 0, "", "", period, [])] : [])
        {
            AnnualIncomeMinor = random.Next(2) == 0 ? null : random.Next(500_000, 3_000_000),
            OverchargeMinor = random.Next(5) == 0 ? random.Next(1, 300) : 0,
            PricedBasis = random.Next(5) switch { 4 => null, var ways => BasisOf(ways) },
        };
    }

    /// <summary>Program "p" determined, flagged, both or neither (<paramref name="ways"/> 0–3); "q" determined as well when both.</summary>
    private static EligibilityBasis BasisOf(int ways) => ways switch
    {
        0 => EligibilityBasis.None,
        3 => new EligibilityBasis([new ProgramBasis("p", EligibilityWays.Both), new ProgramBasis("q", EligibilityWays.Determined)]),
        _ => new EligibilityBasis([new ProgramBasis("p", (EligibilityWays)ways)]),
    };
}
