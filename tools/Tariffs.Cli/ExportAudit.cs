using System.Globalization;
using Tariffs.Application.Audit;

namespace Tariffs.Cli;

/// <summary>
/// <c>tariffs audit</c>: every adjustment of an export recomputed from the export's own catalogs, eligibility and
/// billing lines (<see cref="LedgerAuditor"/>), with no storage account and no service running. Writes one line per
/// finding and the totals; the export is verified first.
/// </summary>
public static class ExportAudit
{
    /// <summary>Audits the export in <paramref name="folder"/>, writing to <paramref name="output"/>; true when it audits clean.</summary>
    public static async Task<bool> RunAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        if (await ExportContents.OpenAsync(folder, output, cancellationToken).ConfigureAwait(false) is not { } export)
            return false;
        var summary = await LedgerAuditor.AuditAsync(export.LinesAsync(cancellationToken),
            key => export.Catalogs.GetValueOrDefault(key),
            export.EligibilityOf,
            finding => output.WriteLine(Describe(finding)),
            cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"audited {summary.Lines} lines ({summary.Items} stored items): {summary.Differences} differences, {summary.Withheld} withheld on purpose (no claw-back), {summary.NotAudited + export.Unreadable} not audited")).ConfigureAwait(false);
        return summary.Clean && export.Unreadable == 0;
    }

    private static string Describe(AuditFinding f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Kind.ToString().ToLowerInvariant()}: {f.Authority}/{f.Service} batch {f.BatchId} line {f.LineNumber} household {f.HouseholdId} rule {(f.RuleId.Length == 0 ? "-" : f.RuleId)}: stored {f.Stored:0.00} {f.Currency}, recomputed {f.Recomputed:0.00} {f.Currency} ({f.Reason})");
}
