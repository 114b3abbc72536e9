using Microsoft.Extensions.Logging.Abstractions;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Testing;
using Tariffs.Testing.InMemory;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Tests.Eligibility;

/// <summary>
/// Issue 13's in-process cases on the in-memory ledger: for hundreds of random lines of every sample catalog, a grant
/// that arrives after the line was billed (priced without it, then corrected by <see cref="LineCorrector"/> through the
/// ledger port) leaves the line where a grant known at pricing would have: the same social bill, the same payments,
/// and nothing left to correct.
/// </summary>
public sealed class LateGrantLedgerProperties
{
    private const int Cases = 600;

    private static readonly ServiceCatalog[] Catalogs = [.. Directory.GetFiles(Path.Combine(RepositoryRoot.Find(), "samples", "catalogs"), "*.json")
        .Where(f => !f.EndsWith(".cases.json", StringComparison.Ordinal))
        .Select(f => CatalogDocumentReader.Read(File.ReadAllText(f)).Catalog)
        .OfType<ServiceCatalog>()
        .Where(c => c.Programs.Count > 0)];

    [Fact]
    public async Task A_late_grant_corrected_through_the_ledger_gives_the_sums_of_a_grant_known_at_pricing()
    {
        Assert.True(Catalogs.Length >= 5, $"{Catalogs.Length} sample catalogs with programs read");
        var random = new Random(20261206);
        var ledger = new InMemoryLedger();
        var corrector = new LineCorrector(NullLogger<LineCorrector>.Instance);
        var pricedAt = Instant.FromUtc(2025, 1, 15, 0, 0);
        var (checkedCases, corrected) = (0, 0);
        for (var i = 0; i < Cases; i++)
        {
            var catalog = Catalogs[random.Next(Catalogs.Length)];
            var tariff = catalog.Tariffs.Values.ElementAt(random.Next(catalog.Tariffs.Count));
            var year = 2022 + random.Next(3);
            var start = new LocalDate(year, 1, 1).PlusDays(random.Next(200));
            var period = new DateInterval(start, start.PlusDays(30 + random.Next(330)));
            var line = new BillingLine(i + 1, $"hh-{i}", "acc", "A", true, 1 + random.Next(6), period, random.Next(1, 400), tariff.Unit, tariff.Code, 100m);
            var eligibility = new HouseholdEligibility([.. catalog.Programs.Where(_ => random.Next(3) > 0).Select(p => Window(p.Id, period, random))], []);

            LineOutcome early, late;
            try
            {
                early = TariffEngine.Price(line, catalog, EligibilityAsOf.Windows(eligibility, catalog, pricedAt));
                late = TariffEngine.Price(line, catalog, []);
            }
            catch (PricingException)
            {
                continue; // no tariff version in force over the period
            }
            var expected = LedgerLine.Priced("b", "op", catalog.Authority, catalog.Service, pricedAt, early, null);
            var billed = LedgerLine.Priced("b", "op", catalog.Authority, catalog.Service, pricedAt, late, null);
            await ledger.AppendAsync([billed], CancellationToken.None);

            var corrections = corrector.Corrections(billed, catalog, eligibility, "late grant");
            if (corrections.Count > 0)
            {
                Assert.NotNull(await ledger.TryAppendCorrectionsAsync(billed, corrections, "{}", CancellationToken.None));
                corrected++;
            }
            var stored = (await ledger.ReadLineAsync(billed.Id, CancellationToken.None))!;

            Assert.Equal((expected.SocialBillMinor, expected.PaymentsMinor), (stored.SocialBillMinor, stored.PaymentsMinor));
            Assert.Empty(corrector.Corrections(stored, catalog, eligibility, "again"));
            Assert.All(stored.Items.Where(it => it.Sequence > 0), it => Assert.Equal(LedgerItemKind.Correction, it.Kind));
            checkedCases++;
        }
        Assert.True(checkedCases >= Cases / 2, $"only {checkedCases} of {Cases} cases could be priced");
        Assert.True(corrected >= Cases / 10, $"only {corrected} cases needed a correction");
    }

    /// <summary>A window of the program over part of the period, decided before pricing, with an income known or not.</summary>
    private static EligibilityWindow Window(string programId, DateInterval period, Random random)
    {
        var from = period.Start.PlusDays(random.Next(period.Length));
        var to = from.PlusDays(random.Next(400));
        var facts = random.Next(3) == 0 ? null : new HouseholdFacts(period.Start, random.Next(0, 60_000), period.Start.Year - 1, 1 + random.Next(6));
        return new EligibilityWindow(programId, new DateInterval(from, to), period.Start.PlusDays(-10), $"f-{programId}-{random.Next()}", facts);
    }
}
