using System.Globalization;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Application.Simulations;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Eligibility;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;

namespace Tariffs.Cli;

/// <summary>
/// <c>tariffs simulate</c>: a draft catalog tried on the bills of an export. Every stored line of the draft's authority
/// and service whose period ends in the range is priced by the engine under the published catalog and under the draft,
/// each with the household's eligibility as pricing reads it for that catalog — the agency's flags and revocations, and
/// what that catalog's criteria determine from the household's facts (<see cref="EffectiveEligibility"/>), so a draft's
/// criteria apply (<see cref="ReformSimulation"/>); nothing is written anywhere but the
/// output. Prints a table per year and area with the small-cell rule; the household-level diff goes to a CSV file only
/// when asked (it is for the regulator).
/// </summary>
public static class ExportSimulation
{
    /// <summary>Runs the simulation; false (with why written) when the export or the draft cannot be used.</summary>
    public static async Task<bool> RunAsync(string folder, string draftPath, LocalDate from, LocalDate to, string? householdsCsv, TextWriter output, CancellationToken cancellationToken)
    {
        var read = CatalogDocumentReader.Read(await File.ReadAllTextAsync(draftPath, cancellationToken).ConfigureAwait(false));
        if (read.Catalog is not { } draft)
        {
            foreach (var error in read.Errors)
                await output.WriteLineAsync($"draft {draftPath}: {error}").ConfigureAwait(false);
            return false;
        }
        if (await ExportContents.OpenAsync(folder, output, cancellationToken).ConfigureAwait(false) is not { } export)
            return false;
        if (!export.Catalogs.TryGetValue(draft.Key, out var published))
        {
            await output.WriteLineAsync($"the export has no published catalog {draft.Key} to compare the draft with").ConfigureAwait(false);
            return false;
        }
        var simulation = new ReformSimulation();
        long lines = 0, refused = 0;
        await foreach (var line in export.LinesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (line.Authority != draft.Authority || line.Service != draft.Service || line.Period.End < from || line.Period.End > to)
                continue;
            try
            {
                var now = TariffEngine.Price(line.ToBillingLine(), published, Windows(export, line, published));
                var under = TariffEngine.Price(line.ToBillingLine(), draft, Windows(export, line, draft));
                simulation.Add(line, now, under);
                lines++;
            }
            catch (PricingException e)
            {
                refused++;
                await output.WriteLineAsync($"not simulated: batch {line.BatchId} line {line.LineNumber}: {e.Message}").ConfigureAwait(false);
            }
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{draft.Key}: {lines} lines from {from:yyyy-MM-dd} to {to:yyyy-MM-dd} priced under the published catalog and the draft ({refused} refused)")).ConfigureAwait(false);
        await WriteTableAsync(simulation.Build(), output).ConfigureAwait(false);
        if (householdsCsv is not null)
        {
            await using var csv = new StreamWriter(householdsCsv);
            await csv.WriteLineAsync("period,area,householdId,netNow,netDraft,change,socialNow,socialDraft").ConfigureAwait(false);
            foreach (var h in simulation.Households())
                await csv.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{h.Period},{h.Area},{h.HouseholdId},{h.NetNow:0.00},{h.NetDraft:0.00},{h.Change:0.00},{h.SocialNow:0.00},{h.SocialDraft:0.00}")).ConfigureAwait(false);
            await output.WriteLineAsync($"household-level diff (regulator only): {householdsCsv}").ConfigureAwait(false);
        }
        return true;
    }

    /// <summary>The windows the line is priced with under <paramref name="catalog"/>: the agency's, and those the catalog's criteria determine from the household's facts.</summary>
    private static IReadOnlyList<EligibilityWindow> Windows(ExportContents export, LedgerLine line, ServiceCatalog catalog) =>
        EffectiveEligibility.Windows(export.EligibilityOf(line.HouseholdId, catalog), catalog, line.Period, line.PricedAt);

    private static async Task WriteTableAsync(IReadOnlyList<SimulationCell> cells, TextWriter output)
    {
        await output.WriteLineAsync("year  area       households  social cost now  under draft     change  better off  worse off  unchanged  receiving now → draft").ConfigureAwait(false);
        foreach (var c in cells)
        {
            if (c.Suppressed)
            {
                await output.WriteLineAsync($"{c.Period,-5} {c.Area,-10} fewer than the small-cell threshold: not shown").ConfigureAwait(false);
                continue;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{c.Period,-5} {c.Area,-10} {c.Households,10}  {c.SocialCostNow,11:0.00} {c.Currency}  {c.SocialCostDraft,11:0.00} {c.SocialCostDraft - c.SocialCostNow,10:+0.00;-0.00;0.00}  {Shown(c.BetterOff),10}  {Shown(c.WorseOff),9}  {Shown(c.Unchanged),9}  {Shown(c.ReceivingNow)} → {Shown(c.ReceivingDraft)}")).ConfigureAwait(false);
            var bands = c.Bands.Where(b => b.Value != 0).Select(b => $"{b.Key}: {Shown(b.Value)}");
            await output.WriteLineAsync($"{"",17}by how much (a year, {c.Currency}): {string.Join("; ", bands)}").ConfigureAwait(false);
        }
    }

    private static string Shown(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "withheld";
}
