using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Storage.Ledger;

/// <summary>
/// Encodes a <see cref="LedgerLine"/> into ledger rows (<see cref="LineEntity"/>, then one <see cref="AdjustmentEntity"/>
/// per item, explanation terms as JSON) and decodes rows back, nothing else: the stored format is this file's. Rows
/// read with a subset of the columns (<see cref="ReportColumns"/>) decode with defaults for the others: an item's
/// days are its line's period, its rule and sequence come from its key, its terms are empty. How the household was
/// eligible (<see cref="EligibilityBasis"/>, column <c>EligibilityBasis</c>, <see cref="EligibilityBasisText"/>) is an
/// addition: on the line row the basis it was priced with, on a correction's row the basis the recomputation
/// established; a row stored before it has no such column and decodes as unknown (null), never as flagged.
/// </summary>
public static class LedgerRowCodec
{
    /// <summary>The columns the equity report reads: what <see cref="LedgerLine.ToReportLine"/> derives from, and when rows were stored.</summary>
    public static IReadOnlyList<string> ReportColumns { get; } =
    [
        "PartitionKey", "RowKey", LineEntity.Kind, LineEntity.Authority, LineEntity.Service, LineEntity.Area,
        LineEntity.HouseholdId, LineEntity.PeriodFrom, LineEntity.PeriodTo, LineEntity.Currency, LineEntity.BilledMinor,
        LineEntity.StandardBillMinor, LineEntity.Eligible, LineEntity.Quantity, LineEntity.Unit,
        LineEntity.OverchargeMinor, LineEntity.AnnualIncomeMinor, nameof(AdjustmentEntity.Step), nameof(AdjustmentEntity.AmountMinor),
        LineEntity.EligibilityBasis, LineEntity.Details, "Timestamp",
    ];

    /// <summary>The rows of a line on a ledger of <paramref name="partitions"/> partitions: the line's first, then its items' in order.</summary>
    public static IReadOnlyList<ITableEntity> Encode(LedgerLine line, int partitions)
    {
        var lineRow = EncodeLine(line, partitions);
        var rows = new List<ITableEntity>(1 + line.Items.Count) { lineRow };
        foreach (var item in line.Items)
            rows.Add(EncodeItem(line, lineRow.RowKey, item, partitions));
        return rows;
    }

    /// <summary>
    /// The row of a line, without its items: only the columns that carry information (<see cref="LineEntity"/>), those no
    /// query filters on packed into one (<see cref="LineDetails"/>). The household and line number are left to the row
    /// key; false flags, a zero overcharge, an unknown income, no notes and no persons are left out, and
    /// <see cref="DecodeAsync"/> reads an absent column as that default.
    /// </summary>
    public static TableEntity EncodeLine(LedgerLine line, int partitions)
    {
        var row = new TableEntity(LedgerKeys.PartitionOf(line.HouseholdId, partitions), LedgerKeys.LineKey(line.Id))
        {
            [LineEntity.Kind] = LedgerKinds.Line,
            [LineEntity.BatchId] = line.BatchId,
            [LineEntity.Operator] = line.Operator,
            [LineEntity.Authority] = line.Authority,
            [LineEntity.Service] = line.Service,
            [LineEntity.Currency] = line.Currency.Code,
            [LineEntity.AccountId] = line.AccountId,
            [LineEntity.Area] = line.Area,
            [LineEntity.PeriodFrom] = StoredDate.Format(line.Period.Start),
            [LineEntity.PeriodTo] = StoredDate.Format(line.Period.End),
            [LineEntity.Quantity] = line.Quantity.ToString(CultureInfo.InvariantCulture),
            [LineEntity.Unit] = line.Unit,
            [LineEntity.TariffCode] = line.TariffCode,
            [LineEntity.BilledMinor] = line.BilledMinor,
            [LineEntity.StandardBillMinor] = line.StandardBillMinor,
            [LineEntity.PricedAt] = line.PricedAt.ToDateTimeOffset(),
        };
        if (line.MainResidence)
            row[LineEntity.MainResidence] = true;
        if (line.Persons != 0)
            row[LineEntity.Persons] = line.Persons;
        if (line.PricedEligible)
            row[LineEntity.Eligible] = true;
        if (line.OverchargeMinor != 0)
            row[LineEntity.OverchargeMinor] = line.OverchargeMinor;
        if (line.AnnualIncomeMinor is { } income)
            row[LineEntity.AnnualIncomeMinor] = income;
        if (line.Notes.Length > 0)
            row[LineEntity.Notes] = line.Notes;
        if (EligibilityBasisText.Format(line.PricedBasis) is { } basis)
            row[LineEntity.EligibilityBasis] = basis;
        return LineDetails.Pack(row);
    }

    /// <summary>The row of one item of <paramref name="line"/>, whose row key is <paramref name="lineKey"/>.</summary>
    public static AdjustmentEntity EncodeItem(LedgerLine line, string lineKey, LedgerItem item, int partitions) => new()
    {
        PartitionKey = LedgerKeys.PartitionOf(line.HouseholdId, partitions),
        RowKey = LedgerKeys.ItemKey(lineKey, item.Id),
        BatchId = line.BatchId,
        LineNumber = line.LineNumber,
        HouseholdId = line.HouseholdId,
        RuleId = item.RuleId,
        ProgramId = item.ProgramId,
        Step = item.Step.ToString(),
        RuleVersions = item.RuleVersions,
        LegalReferences = item.LegalReferences,
        CoversFrom = StoredDate.Format(item.Covers.Start),
        CoversTo = StoredDate.Format(item.Covers.End),
        Currency = line.Currency.Code,
        AmountMinor = item.AmountMinor,
        Correction = item.Sequence,
        Explanation = JsonSerializer.Serialize(item.Terms.Select(s => new StoredTerm(
            StoredDate.Format(s.Interval.Start), StoredDate.Format(s.Interval.End), s.RuleVersion, s.Legal.Citation, s.Detail, s.Amount))),
        Note = item.Note ?? "",
        EligibilityBasis = EligibilityBasisText.Format(item.Basis),
    };

    /// <summary>
    /// The lines held in ledger rows read in key order (outbox rows are skipped): each line row followed by its items'
    /// rows. A line whose rows cannot be decoded comes back with the error instead, so that it costs no other line.
    /// </summary>
    public static async IAsyncEnumerable<LedgerRead> DecodeAsync(IAsyncEnumerable<TableEntity> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        TableEntity? line = null;
        var items = new List<TableEntity>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var kind = row.GetString(LineEntity.Kind);
            if (kind == LedgerKinds.Outbox)
                continue;
            if (kind == LedgerKinds.Adjustment && line is not null)
            {
                items.Add(row);
                continue;
            }
            if (line is not null)
                yield return Decode(line, items);
            line = row;
            items = [];
        }
        if (line is not null)
            yield return Decode(line, items);
    }

    /// <summary>A line row and its items' rows decoded, or the reason they cannot be.</summary>
    private static LedgerRead Decode(TableEntity lineRow, List<TableEntity> itemRows)
    {
        try
        {
            if (lineRow.GetString(LineEntity.Kind) != LedgerKinds.Line)
                throw new InvalidDataException($"Ledger row {lineRow.PartitionKey}/{lineRow.RowKey}: an item without its line before it.");
            var line = DecodeLine(lineRow);
            return Read(lineRow, line with { Items = [.. itemRows.Select(r => DecodeItem(r, line.Period))] }, null);
        }
        catch (Exception e) when (e is FormatException or JsonException or InvalidDataException or OverflowException or ArgumentException or IndexOutOfRangeException or InvalidOperationException)
        {
            return Read(lineRow, null, e);
        }
    }

    private static LedgerRead Read(TableEntity row, LedgerLine? line, Exception? error) => new([row.PartitionKey, row.RowKey],
        row.GetString(LineEntity.Authority) ?? "", row.GetString(LineEntity.Service) ?? "", HouseholdOf(row), line, error);

    /// <summary>The household of a line row: its column on rows written with every column, else the first part of the row key ("" if malformed).</summary>
    private static string HouseholdOf(TableEntity row)
    {
        if (row.GetString(LineEntity.HouseholdId) is { } household)
            return household;
        try
        {
            return RowKeys.Split(row.RowKey)[0];
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static LedgerLine DecodeLine(TableEntity row)
    {
        LineDetails.Unpack(row);
        var where = $"ledger row {row.PartitionKey}/{row.RowKey}";
        var to = StoredDate.Parse(row.GetString(LineEntity.PeriodTo) ?? "");
        var from = row.GetString(LineEntity.PeriodFrom) is { } f ? StoredDate.Parse(f) : to;
        var quantity = row.GetString(LineEntity.Quantity) is { Length: > 0 } q ? decimal.Parse(q, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
        var householdId = HouseholdOf(row);
        var batchId = row.GetString(LineEntity.BatchId);
        var lineNumber = row.GetInt32(LineEntity.LineNumber);
        if (batchId is null || lineNumber is null)
        {
            // Not written (lighter rows) or not read (the report's columns): the key holds them.
            var parts = RowKeys.Split(row.RowKey);
            batchId ??= parts[1];
            lineNumber ??= int.Parse(parts[2], CultureInfo.InvariantCulture);
        }
        return new LedgerLine(
            new LedgerLineId(householdId, batchId, lineNumber.Value),
            row.GetString(LineEntity.Operator) ?? "",
            row.GetString(LineEntity.Authority) ?? "",
            row.GetString(LineEntity.Service) ?? "",
            Currency.Find(row.GetString(LineEntity.Currency), where),
            row.GetString(LineEntity.AccountId) ?? "",
            row.GetString(LineEntity.Area) ?? "",
            row.GetBoolean(LineEntity.MainResidence) ?? false,
            row.GetInt32(LineEntity.Persons) ?? 0,
            new DateInterval(from, to),
            quantity,
            row.GetString(LineEntity.Unit) ?? "",
            row.GetString(LineEntity.TariffCode) ?? "",
            row.GetInt64(LineEntity.BilledMinor) ?? 0,
            row.GetInt64(LineEntity.StandardBillMinor) ?? 0,
            row.GetBoolean(LineEntity.Eligible) ?? false,
            row.GetDateTimeOffset(LineEntity.PricedAt) is { } pricedAt ? Instant.FromDateTimeOffset(pricedAt) : default,
            [])
        {
            OverchargeMinor = row.GetInt64(LineEntity.OverchargeMinor) ?? 0,
            AnnualIncomeMinor = row.GetInt64(LineEntity.AnnualIncomeMinor),
            Notes = row.GetString(LineEntity.Notes) ?? "",
            StoredAt = row.Timestamp is { } at ? Instant.FromDateTimeOffset(at) : null,
            PricedBasis = EligibilityBasisText.Parse(row.GetString(LineEntity.EligibilityBasis), where),
        };
    }

    private static LedgerItem DecodeItem(TableEntity row, DateInterval linePeriod)
    {
        var ruleId = row.GetString(nameof(AdjustmentEntity.RuleId));
        var sequence = row.GetInt32(nameof(AdjustmentEntity.Correction));
        if (ruleId is null || sequence is null)
        {
            // Not read (the report's columns): the key, line key | rule | sequence, holds them.
            var parts = RowKeys.Split(row.RowKey);
            ruleId ??= parts[^2];
            sequence ??= int.Parse(parts[^1], CultureInfo.InvariantCulture);
        }
        var step = row.GetString(nameof(AdjustmentEntity.Step));
        var covers = row.GetString(nameof(AdjustmentEntity.CoversFrom)) is { } from && row.GetString(nameof(AdjustmentEntity.CoversTo)) is { } to
            ? new DateInterval(StoredDate.Parse(from), StoredDate.Parse(to))
            : linePeriod;
        return new LedgerItem(
            ruleId,
            row.GetString(nameof(AdjustmentEntity.ProgramId)) ?? "",
            Enum.TryParse<RuleStep>(step, out var s) && Enum.IsDefined(s) && !int.TryParse(step, out _)
                ? s
                : throw new InvalidDataException($"Ledger row {row.PartitionKey}/{row.RowKey}: unknown step '{step}'."),
            row.GetInt64(nameof(AdjustmentEntity.AmountMinor)) ?? 0,
            sequence.Value,
            row.GetString(nameof(AdjustmentEntity.RuleVersions)) ?? "",
            row.GetString(nameof(AdjustmentEntity.LegalReferences)) ?? "",
            covers,
            Terms(row.GetString(nameof(AdjustmentEntity.Explanation))),
            row.GetString(nameof(AdjustmentEntity.Note)) is { Length: > 0 } note ? note : null)
        {
            StoredAt = row.Timestamp is { } at ? Instant.FromDateTimeOffset(at) : null,
            Basis = EligibilityBasisText.Parse(row.GetString(nameof(AdjustmentEntity.EligibilityBasis)), $"ledger row {row.PartitionKey}/{row.RowKey}"),
        };
    }

    private static IReadOnlyList<AdjustmentSegment> Terms(string? json)
    {
        if (string.IsNullOrEmpty(json))
            return [];
        var terms = JsonSerializer.Deserialize<StoredTerm[]>(json) ?? [];
        return [.. terms.Select(t => new AdjustmentSegment(new DateInterval(StoredDate.Parse(t.From), StoredDate.Parse(t.To)), t.RuleVersion,
            new LegalReference(t.LegalReference), t.Detail, t.Amount))];
    }

    /// <summary>One explanation term as stored, in JSON (the property names are the stored format).</summary>
    private sealed record StoredTerm(
        [property: JsonPropertyName("from")] string From,
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("ruleVersion")] string RuleVersion,
        [property: JsonPropertyName("legalReference")] string LegalReference,
        [property: JsonPropertyName("detail")] string Detail,
        [property: JsonPropertyName("amount")] decimal Amount);
}
