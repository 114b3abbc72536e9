using Tariffs.Application.Catalog;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Export;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Cli;

/// <summary>
/// What the offline commands read from a verified export: its catalogs, every household's eligibility, and its ledger
/// lines streamed (an unreadable row is reported to the output and skipped).
/// </summary>
public sealed class ExportContents
{
    private readonly string folder;
    private readonly TextWriter output;

    private ExportContents(string folder, TextWriter output, Dictionary<CatalogKey, ServiceCatalog> catalogs, Dictionary<string, HouseholdEligibility> eligibility)
    {
        this.folder = folder;
        this.output = output;
        Catalogs = catalogs;
        Eligibility = eligibility;
    }

    /// <summary>The published catalogs of the export, by authority and service.</summary>
    public IReadOnlyDictionary<CatalogKey, ServiceCatalog> Catalogs { get; }

    /// <summary>Every household's eligibility.</summary>
    public IReadOnlyDictionary<string, HouseholdEligibility> Eligibility { get; }

    /// <summary>Ledger rows that could not be read, so far.</summary>
    public int Unreadable { get; private set; }

    /// <summary>The eligibility of a household (none when it has no row).</summary>
    public HouseholdEligibility EligibilityOf(string householdId) => Eligibility.GetValueOrDefault(householdId) ?? HouseholdEligibility.None;

    /// <summary>The contents of the export in <paramref name="folder"/>, or null (with why written to <paramref name="output"/>) when it is not whole.</summary>
    public static async Task<ExportContents?> OpenAsync(string folder, TextWriter output, CancellationToken cancellationToken)
    {
        var problems = await (await ExportManifest.ReadAsync(folder, cancellationToken).ConfigureAwait(false)).VerifyAsync(folder, cancellationToken).ConfigureAwait(false);
        foreach (var problem in problems)
            await output.WriteLineAsync($"not whole: {problem}").ConfigureAwait(false);
        if (problems.Count > 0)
            return null;
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
        return new ExportContents(folder, output, catalogs, eligibility);
    }

    /// <summary>Every readable ledger line, streamed in stored order.</summary>
    public IAsyncEnumerable<LedgerLine> LinesAsync(CancellationToken cancellationToken) =>
        LedgerRowCodec.DecodeAsync(ExportReader.RowsAsync(folder, TableNames.Ledger, cancellationToken), cancellationToken)
            .Where(read =>
            {
                if (read.Line is not null)
                    return true;
                Unreadable++;
                output.WriteLine($"unreadable: ledger row {string.Join('/', read.Address)}: {read.Error?.Message}");
                return false;
            })
            .Select(read => read.Line!);
}
