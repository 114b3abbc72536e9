using Tariffs.Application.Catalog;
using Tariffs.Application.Eligibility;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Export;
using Tariffs.Storage.Facts;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Cli;

/// <summary>
/// What the offline commands read from a verified export: its catalogs, every household's eligibility (the agency's
/// flags and revocations, table <c>eligibility</c>) and facts statements (table <c>householdfacts</c>), and its ledger
/// lines streamed (an unreadable row is reported to the output and skipped). Memory holds the catalogs, the eligibility
/// and the facts — rows of households with a flag or a statement — never the ledger.
/// </summary>
public sealed class ExportContents
{
    private readonly string folder;
    private readonly TextWriter output;
    private readonly Dictionary<string, HouseholdEligibility> eligibility;
    private readonly Dictionary<string, IReadOnlyList<StoredFacts>> facts;

    private ExportContents(string folder, TextWriter output, Dictionary<CatalogKey, ServiceCatalog> catalogs,
        Dictionary<string, HouseholdEligibility> eligibility, Dictionary<string, IReadOnlyList<StoredFacts>> facts)
    {
        this.folder = folder;
        this.output = output;
        this.eligibility = eligibility;
        this.facts = facts;
        Catalogs = catalogs;
    }

    /// <summary>The published catalogs of the export, by authority and service.</summary>
    public IReadOnlyDictionary<CatalogKey, ServiceCatalog> Catalogs { get; }

    /// <summary>Ledger rows that could not be read, so far.</summary>
    public int Unreadable { get; private set; }

    /// <summary>
    /// The eligibility a line of <paramref name="catalog"/> for the household is priced with, as pricing reads it
    /// (<see cref="EffectiveEligibility.For"/>): its flags and revocations of the catalog's programs and, when the
    /// catalog has criteria, its facts statements (<see cref="EffectiveEligibility.Windows"/> determines from them).
    /// </summary>
    public HouseholdEligibility EligibilityOf(string householdId, ServiceCatalog catalog) => EffectiveEligibility.For(catalog,
        eligibility.GetValueOrDefault(householdId) ?? HouseholdEligibility.None, facts.GetValueOrDefault(householdId) ?? []);

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
        // An export taken before facts existed has no such table: no household has statements.
        var facts = File.Exists(Path.Combine(folder, "tables", TableNames.HouseholdFacts + ".jsonl"))
            ? await HouseholdFactsStore.DecodeAsync(ExportReader.RowsAsync(folder, TableNames.HouseholdFacts, cancellationToken), cancellationToken).ConfigureAwait(false)
            : new Dictionary<string, IReadOnlyList<StoredFacts>>(StringComparer.Ordinal);
        return new ExportContents(folder, output, catalogs, eligibility, facts);
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
