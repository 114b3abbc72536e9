using System.Globalization;
using Tariffs.Application.Audit;
using Tariffs.Application.Catalog;
using Tariffs.Domain.Catalog;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Export;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Cli;

/// <summary>
/// <c>tariffs audit</c>: every adjustment of an export recomputed from the export's own catalogs, eligibility and
/// billing lines (<see cref="LedgerAuditor"/>), with no storage account and no service running. Writes one line per
/// finding and the totals; the export is verified first (<see cref="ExportManifest.VerifyAsync"/>).
/// </summary>
public static class ExportAudit
{
    /// <summary>Audits the export in <paramref name="folder"/>, writing to <paramref name="output"/>; true when it audits clean.</summary>
    public static async Task<bool> RunAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        var problems = await (await ExportManifest.ReadAsync(folder, cancellationToken).ConfigureAwait(false)).VerifyAsync(folder, cancellationToken).ConfigureAwait(false);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
                await output.WriteLineAsync($"not whole: {problem}").ConfigureAwait(false);
            return false;
        }
        var catalogs = new Dictionary<CatalogKey, ServiceCatalog>();
        foreach (var (name, json) in ExportReader.CatalogDocuments(folder))
        {
            var read = CatalogDocumentReader.Read(json);
            if (read.Catalog is { } catalog)
                catalogs[catalog.Key] = catalog;
            else
                await output.WriteLineAsync($"catalog {name} unreadable: {string.Join("; ", read.Errors)}").ConfigureAwait(false);
        }
        var eligibility = await EligibilityStore.DecodeAsync(ExportReader.RowsAsync(folder, TableNames.Eligibility, cancellationToken), cancellationToken).ConfigureAwait(false);
        var unreadable = 0;
        var lines = LedgerRowCodec.DecodeAsync(ExportReader.RowsAsync(folder, TableNames.Ledger, cancellationToken), cancellationToken)
            .Where(read =>
            {
                if (read.Line is not null)
                    return true;
                unreadable++;
                output.WriteLine($"unreadable: ledger row {string.Join('/', read.Address)}: {read.Error?.Message}");
                return false;
            })
            .Select(read => read.Line!);
        var summary = await LedgerAuditor.AuditAsync(lines,
            key => catalogs.GetValueOrDefault(key),
            household => eligibility.GetValueOrDefault(household) ?? HouseholdEligibility.None,
            finding => output.WriteLine(Describe(finding)),
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"audited {summary.Lines} lines ({summary.Items} stored items): {summary.Differences} differences, {summary.Withheld} withheld on purpose (no claw-back), {summary.NotAudited + unreadable} not audited")).ConfigureAwait(false);
        return summary.Clean && unreadable == 0;
    }

    private static string Describe(AuditFinding f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Kind.ToString().ToLowerInvariant()}: {f.Authority}/{f.Service} batch {f.BatchId} line {f.LineNumber} household {f.HouseholdId} rule {(f.RuleId.Length == 0 ? "-" : f.RuleId)}: stored {f.Stored:0.00} {f.Currency}, recomputed {f.Recomputed:0.00} {f.Currency} ({f.Reason})");
}
