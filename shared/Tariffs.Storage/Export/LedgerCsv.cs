using System.Globalization;
using System.Text;
using Tariffs.Domain.Ledger;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Export;

/// <summary>
/// The ledger of an export also as CSV (RFC 4180, UTF-8, comma, CRLF, a header row), read from the export's own
/// <c>tables/ledger.jsonl</c>: <c>csv/ledger-lines.csv</c>, one row per billed line, and <c>csv/ledger-items.csv</c>,
/// one row per item (adjustments, payments, refunds and corrections, with their explanation and, for a correction, what
/// it corrects), amounts in the currency's units; and <c>data-dictionary.md</c>, which describes every file of the
/// export and every column of these (<see cref="Columns"/>). Streams row by row.
/// </summary>
public static class LedgerCsv
{
    /// <summary>The file of the lines.</summary>
    public const string LinesPath = "csv/ledger-lines.csv";

    /// <summary>The file of the items.</summary>
    public const string ItemsPath = "csv/ledger-items.csv";

    /// <summary>The data dictionary.</summary>
    public const string DictionaryPath = "data-dictionary.md";

    /// <summary>A column of a CSV file: its name, type, unit (empty when none) and meaning, and its value for one row.</summary>
    private sealed record Column<T>(string Name, string Type, string Unit, string Meaning, Func<T, string> Value);

    private static readonly Column<LedgerLine>[] LineColumns =
    [
        new("authority", "text", "", "the authority whose catalog priced the line", l => l.Authority),
        new("service", "text", "", "the service (water, electricity, …)", l => l.Service),
        new("operator", "text", "", "the operator that billed the line", l => l.Operator),
        new("batchId", "text", "", "the billing batch the line came in", l => l.BatchId),
        new("lineNumber", "integer", "", "the line's number in its batch", l => Number(l.LineNumber)),
        new("householdId", "text", "", "the household billed (pseudonymous id from the operator)", l => l.HouseholdId),
        new("accountId", "text", "", "the operator's account", l => l.AccountId),
        new("area", "text", "", "the area the report counts the line in", l => l.Area),
        new("mainResidence", "boolean", "", "the line is for the household's main residence", l => Bool(l.MainResidence)),
        new("persons", "integer", "persons", "household size on the line", l => Number(l.Persons)),
        new("periodFrom", "date (yyyy-MM-dd)", "", "first day of the billing period", l => Date(l.Period.Start)),
        new("periodTo", "date (yyyy-MM-dd)", "", "last day of the billing period (inclusive)", l => Date(l.Period.End)),
        new("quantity", "decimal", "the unit column", "consumption billed", l => l.Quantity.ToString(CultureInfo.InvariantCulture)),
        new("unit", "text", "", "unit of the quantity (m3, kWh)", l => l.Unit),
        new("tariffCode", "text", "", "the catalog's tariff the line is billed on", l => l.TariffCode),
        new("currency", "ISO 4217 code", "", "currency of every amount of the line and its items", l => l.Currency.Code),
        new("billedAmount", "decimal", "currency", "what the operator billed", l => Amount(l, l.BilledMinor)),
        new("standardBill", "decimal", "currency", "the standard tariff's bill, as the engine computed it", l => Amount(l, l.StandardBillMinor)),
        new("billAdjustments", "decimal", "currency", "sum of the items that change the bill (originals and corrections); negative lowers it", l => Amount(l, l.BillAdjustmentsMinor)),
        new("socialBill", "decimal", "currency", "standardBill + billAdjustments", l => Amount(l, l.SocialBillMinor)),
        new("payments", "decimal", "currency", "sum of the payments to the household apart from the bill (originals and corrections)", l => Amount(l, l.PaymentsMinor)),
        new("overcharge", "decimal", "currency", "billed above the uniform tariff plus its tolerance; 0 when none", l => Amount(l, l.OverchargeMinor)),
        new("pricedEligible", "boolean", "", "eligible for a program on a day of the period when first priced", l => Bool(l.PricedEligible)),
        new("annualIncome", "decimal", "currency", "the household's annual income known when priced; empty when unknown", l => l.AnnualIncomeMinor is { } income ? Amount(l, income) : ""),
        new("pricedAt", "instant (ISO 8601, UTC)", "", "when the line was first priced", l => l.PricedAt.ToString()),
        new("storedAt", "instant (ISO 8601, UTC)", "", "when storage recorded the line", l => l.StoredAt?.ToString() ?? ""),
        new("notes", "text", "", "rules of programs the household is eligible for that did not apply, and why", l => l.Notes),
    ];

    private static readonly Column<(LedgerLine Line, LedgerItem Item)>[] ItemColumns =
    [
        new("batchId", "text", "", "the line's batch (with lineNumber: the line in ledger-lines.csv)", r => r.Line.BatchId),
        new("lineNumber", "integer", "", "the line's number in its batch", r => Number(r.Line.LineNumber)),
        new("householdId", "text", "", "the household billed", r => r.Line.HouseholdId),
        new("ruleId", "text", "", "the catalog rule that gave the item", r => r.Item.RuleId),
        new("programId", "text", "", "the social program of the rule", r => r.Item.ProgramId),
        new("sequence", "integer", "", "0 for the original item of the rule on the line; 1, 2, … for later corrections", r => Number(r.Item.Sequence)),
        new("kind", "adjustment | payment | refund | correction", "", "what the item is", r => r.Item.Kind.ToString().ToLowerInvariant()),
        new("step", "text", "", "the rule's step in the engine's order (priceReplacement, discount, cap, credit, payment, refund)", r => r.Item.Step.ToString()),
        new("amount", "decimal", "currency", "negative lowers the bill; for a payment, paid to the household; a correction is the difference it posts", r => Amount(r.Line, r.Item.AmountMinor)),
        new("currency", "ISO 4217 code", "", "currency of the amount", r => r.Line.Currency.Code),
        new("coversFrom", "date (yyyy-MM-dd)", "", "first day the item covers", r => Date(r.Item.Covers.Start)),
        new("coversTo", "date (yyyy-MM-dd)", "", "last day the item covers (inclusive)", r => Date(r.Item.Covers.End)),
        new("ruleVersions", "text", "", "the versions of the rule in force over those days", r => r.Item.RuleVersions),
        new("legalReferences", "text", "", "the legal references of those versions", r => r.Item.LegalReferences),
        new("explanation", "text", "", "each term of the amount in words a person can recheck (\" | \"-separated)", r => string.Join(" | ", r.Item.Terms.Select(t => t.Detail))),
        new("corrects", "text", "", "for a correction, the items of its rule it corrects (rule#sequence, space-separated)", r => string.Join(' ', r.Item.Corrects.Select(c => $"{c.RuleId}#{c.Sequence}"))),
        new("note", "text", "", "for a correction, what it corrects and why", r => r.Item.Note ?? ""),
        new("storedAt", "instant (ISO 8601, UTC)", "", "when storage recorded the item", r => r.Item.StoredAt?.ToString() ?? ""),
    ];

    /// <summary>Every column of the CSV files, by file: name, type, unit and meaning (the data dictionary's tables).</summary>
    public static IReadOnlyList<(string File, string Name, string Type, string Unit, string Meaning)> Columns { get; } =
    [
        .. LineColumns.Select(c => (LinesPath, c.Name, c.Type, c.Unit, c.Meaning)),
        .. ItemColumns.Select(c => (ItemsPath, c.Name, c.Type, c.Unit, c.Meaning)),
    ];

    /// <summary>
    /// Writes the two CSV files from the export in <paramref name="folder"/>; returns the rows of each (lines, items) and
    /// the ledger rows left out because they do not read as a line (they stay in the table file, as stored).
    /// </summary>
    public static async Task<(long Lines, long Items, long Unreadable)> WriteAsync(string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "csv"));
        await using var lines = Writer(Path.Combine(folder, LinesPath));
        await using var items = Writer(Path.Combine(folder, ItemsPath));
        await WriteRowAsync(lines, LineColumns.Select(c => c.Name)).ConfigureAwait(false);
        await WriteRowAsync(items, ItemColumns.Select(c => c.Name)).ConfigureAwait(false);
        long lineRows = 0, itemRows = 0, unreadable = 0;
        await foreach (var read in LedgerRowCodec.DecodeAsync(ExportReader.RowsAsync(folder, TableNames.Ledger, cancellationToken), cancellationToken).ConfigureAwait(false))
        {
            if (read.Line is not { } line)
            {
                unreadable++;
                continue;
            }
            await WriteRowAsync(lines, LineColumns.Select(c => c.Value(line))).ConfigureAwait(false);
            lineRows++;
            foreach (var item in line.Items)
            {
                await WriteRowAsync(items, ItemColumns.Select(c => c.Value((line, item)))).ConfigureAwait(false);
                itemRows++;
            }
        }
        return (lineRows, itemRows, unreadable);
    }

    /// <summary>The data dictionary (Markdown): the export's files, then each CSV column with its type, unit and meaning.</summary>
    public static string Dictionary(IEnumerable<ExportedFile> files, long unreadable)
    {
        var text = new StringBuilder();
        text.Append("# Data dictionary of a Tariffs export\n\n")
            .Append("Every file is listed in `manifest.json` with its size, rows and SHA-256 (`tariffs verify` checks them). ")
            .Append("Tables are JSON Lines in the Table service's own JSON (OData type annotations: `Int64` amounts in minor units, ")
            .Append("`DateTime`, `Double`, `Guid`, `Binary`), what `tariffs import` loads; blobs are the stored documents byte for byte; ")
            .Append("the CSV files render the ledger for reading and analysis (amounts in the currency's units, RFC 4180, UTF-8).\n\n")
            .Append(unreadable == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"{unreadable} rows of `tables/ledger.jsonl` do not read as ledger lines: they are not in the CSV files.\n\n"))
            .Append("## Files\n\n| file | kind | rows | what it holds |\n|---|---|---|---|\n");
        foreach (var file in files)
            text.Append(CultureInfo.InvariantCulture, $"| `{file.Path}` | {file.Kind} | {file.Rows?.ToString(CultureInfo.InvariantCulture) ?? ""} | {Holds(file)} |\n");
        foreach (var group in Columns.GroupBy(c => c.File))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n## `{group.Key}`\n\n| column | type | unit | meaning |\n|---|---|---|---|\n");
            foreach (var column in group)
                text.Append(CultureInfo.InvariantCulture, $"| `{column.Name}` | {column.Type} | {column.Unit} | {column.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        return text.ToString();
    }

    private static string Holds(ExportedFile file) => file.Kind switch
    {
        ExportedFile.TableKind => $"{ExportTables.Describe(file.Name).Replace("|", "\\|", StringComparison.Ordinal)}; one entity a line",
        ExportedFile.BlobKind => $"blob `{file.Name}`",
        _ => file.Path == LinesPath ? "the ledger's lines, one a row" : file.Path == ItemsPath ? "the ledger's items (adjustments, payments, refunds, corrections with explanations), one a row" : file.Name,
    };

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\r\n" };

    private static Task WriteRowAsync(StreamWriter writer, IEnumerable<string> values) => writer.WriteLineAsync(string.Join(',', values.Select(Field)));

    /// <summary>A field quoted when it holds a comma, a quote, a line break or leading or trailing space (quotes doubled).</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value.Trim().Length != value.Length ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Amount(LedgerLine line, long minor) => line.Currency.FromMinorUnits(minor).ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Date(NodaTime.LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
