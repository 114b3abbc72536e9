using Azure.Data.Tables;
using NodaTime;
using Tariffs.Domain.Billing;
using Tariffs.Domain.Catalog;
using Tariffs.Domain.Engine;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Social;
using Tariffs.Storage.Ledger;

namespace Tariffs.Storage.Tests.Ledger;

/// <summary>
/// The stored format of ledger rows, written out by hand: what the codec writes is what the ledger held before the
/// model existed, and rows written then decode into the model — or fail naming what and where.
/// </summary>
public sealed class LedgerRowCodecTests
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static LedgerLine Line()
    {
        var line = new BillingLine(7, "hh|1", "acc", "A", true, 4, Year, 120.50m, "m3", "DOM", 137.60m);
        var adjustment = new Adjustment("css-block", "css", RuleStep.PriceReplacement, -44.00m, Year,
            [new AdjustmentSegment(Year, "2022-01-01", new LegalReference("Délibération 2022"), new Explanation("{quantity} m³ × ({social} − {standard})", 80m, 0.34m, 0.89m), -44.00m)]);
        return LedgerLine.Priced("b/1", "op", "dunkerque", "water", Instant.FromUtc(2022, 3, 1, 0, 0),
            new LineOutcome(line, Currency.Eur, 137.60m, [], [adjustment], true), 16000m);
    }

    [Fact]
    public void A_line_and_its_item_are_written_in_the_stored_format()
    {
        var rows = LedgerRowCodec.Encode(Line(), LedgerKeys.DefaultPartitions);

        var line = Assert.IsType<TableEntity>(rows[0]);
        var item = Assert.IsType<AdjustmentEntity>(rows[1]);
        Assert.Equal(("hh~7C1|b~2F1|0000000007", "hh~7C1|b~2F1|0000000007|css-block|0000"), (line.RowKey, item.RowKey));
        Assert.Equal(LedgerKeys.PartitionOf("hh|1", LedgerKeys.DefaultPartitions), item.PartitionKey);
        // The columns queries filter on apart, every other packed into Details; only the columns that carry information: no
        // household or line number (the key holds them), no zero overcharge, no empty notes; no basis when unknown (but
        // "{}" for none: see the basis test).
        Assert.Equal(new Dictionary<string, object>
        {
            ["Kind"] = "line", ["BatchId"] = "b/1", ["Authority"] = "dunkerque", ["Service"] = "water", ["PeriodTo"] = "2022-12-31",
            ["Details"] = """{"Operator":"op","Currency":"EUR","AccountId":"acc","Area":"A","PeriodFrom":"2022-01-01","Quantity":"120.50","Unit":"m3","TariffCode":"DOM","BilledMinor":13760,"StandardBillMinor":13760,"PricedAt":"2022-03-01T00:00:00+00:00","MainResidence":true,"Persons":4,"Eligible":true,"AnnualIncomeMinor":1600000}""",
        }.OrderBy(c => c.Key), Stored(line).OrderBy(c => c.Key));
        // Unpacked, the row is the one written with every column apart: the same columns, the same types.
        Assert.Equal(new Dictionary<string, object>
        {
            ["Kind"] = "line", ["BatchId"] = "b/1", ["Operator"] = "op", ["Authority"] = "dunkerque", ["Service"] = "water", ["Currency"] = "EUR",
            ["AccountId"] = "acc", ["Area"] = "A", ["MainResidence"] = true, ["Persons"] = 4, ["PeriodFrom"] = "2022-01-01", ["PeriodTo"] = "2022-12-31",
            ["Quantity"] = "120.50", ["Unit"] = "m3", ["TariffCode"] = "DOM", ["BilledMinor"] = 13760L, ["StandardBillMinor"] = 13760L, ["Eligible"] = true,
            ["AnnualIncomeMinor"] = 1600000L, ["PricedAt"] = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero),
        }.OrderBy(c => c.Key), Stored(Unpacked(line)).OrderBy(c => c.Key));
        Assert.Equal(("adjustment", "PriceReplacement", -4400L, 0, "EUR", "2022-01-01", "Délibération 2022", ""),
            (item.Kind, item.Step, item.AmountMinor, item.Correction, item.Currency, item.RuleVersions, item.LegalReferences, item.Note));
        Assert.Equal("""[{"from":"2022-01-01","to":"2022-12-31","ruleVersion":"2022-01-01","legalReference":"D\u00E9lib\u00E9ration 2022","detail":"80 m\u00B3 \u00D7 (0.34 \u2212 0.89)","amount":-44.00}]""",
            item.Explanation);
    }

    [Fact]
    public async Task Rows_as_stored_decode_into_the_line_and_a_line_of_unknown_currency_fails_naming_it_and_its_row()
    {
        var rows = LedgerRowCodec.Encode(Line(), LedgerKeys.DefaultPartitions).Select(ToTableEntity).ToList();
        var unknown = ToTableEntity(LedgerRowCodec.Encode(Line() with { Id = new LedgerLineId("hh-2", "b/1", 8) }, LedgerKeys.DefaultPartitions)[0]);
        unknown["Details"] = unknown.GetString("Details")!.Replace("\"EUR\"", "\"XYZ\"", StringComparison.Ordinal);

        var reads = await LedgerRowCodec.DecodeAsync(ToAsync([.. rows, unknown])).ToListAsync();

        var line = reads[0].Line!;
        Assert.Equal((new LedgerLineId("hh|1", "b/1", 7), 120.50m, Year, 13760L - 4400L), (line.Id, line.Quantity, line.Period, line.SocialBillMinor));
        var item = Assert.Single(line.Items);
        Assert.Equal("80 m³ × (0.34 − 0.89)", Assert.Single(item.Terms).Detail);
        var error = Assert.IsType<UnknownCurrencyException>(reads[1].Error);
        Assert.Equal($"Unknown currency 'XYZ' in ledger row {unknown.PartitionKey}/{unknown.RowKey} (supported: EUR, GBP, USD).", error.Message);
        Assert.Equal([unknown.PartitionKey, unknown.RowKey], reads[1].Address);
    }

    [Fact]
    public async Task The_eligibility_basis_is_stored_as_json_on_the_line_and_on_a_correction_and_rows_without_it_read_as_unknown()
    {
        var priced = Line() with { PricedBasis = new EligibilityBasis([new ProgramBasis("css", EligibilityWays.Both), new ProgramBasis("auto|1", EligibilityWays.Determined)]) };
        var correction = priced.Items[0] with { Sequence = 1, AmountMinor = 100, Basis = new EligibilityBasis([new ProgramBasis("css", EligibilityWays.Flagged)]) };
        var withCorrection = priced with { Items = [.. priced.Items, correction] };

        var rows = LedgerRowCodec.Encode(withCorrection, LedgerKeys.DefaultPartitions);

        Assert.Equal("""{"css":"both","auto|1":"determined"}""", Unpacked((TableEntity)rows[0]).GetString("EligibilityBasis"));
        Assert.Null(((AdjustmentEntity)rows[1]).EligibilityBasis); // an original: the line's holds it
        Assert.Equal("""{"css":"flagged"}""", ((AdjustmentEntity)rows[2]).EligibilityBasis);
        Assert.Equal("{}", Unpacked((TableEntity)LedgerRowCodec.Encode(Line() with { PricedBasis = EligibilityBasis.None }, 8)[0]).GetString("EligibilityBasis"));

        var decoded = (await LedgerRowCodec.DecodeAsync(ToAsync(rows.Select(ToTableEntity))).ToListAsync())[0].Line!;
        Assert.Equal(priced.PricedBasis!.Programs, decoded.PricedBasis!.Programs);
        Assert.Equal(new EligibilityWays?[] { null, EligibilityWays.Flagged }, decoded.Items.Select(i => i.Basis?.Ways));
        // Rows as stored before the basis existed: no column, so unknown (not flagged, not none).
        var old = LedgerRowCodec.Encode(Line(), LedgerKeys.DefaultPartitions).Select(ToTableEntity).ToList();
        Assert.DoesNotContain(old.Select(Unpacked), r => r.ContainsKey("EligibilityBasis"));
        var oldLine = (await LedgerRowCodec.DecodeAsync(ToAsync(old)).ToListAsync())[0].Line!;
        Assert.Null(oldLine.Basis);
        Assert.Null(oldLine.ToReportLine().Ways);
    }

    [Fact]
    public async Task A_row_written_with_every_column_and_defaults_reads_as_the_lighter_row_of_the_same_line()
    {
        var plain = Line() with { Id = new LedgerLineId("hh-3", "b/1", 9), MainResidence = false, Persons = 0, PricedEligible = false, AnnualIncomeMinor = null,
            PricedBasis = EligibilityBasis.None };
        var light = LedgerRowCodec.EncodeLine(plain, LedgerKeys.DefaultPartitions);
        // The row as the typed entity wrote it before: every column, defaults included, the household and line number too.
        var old = new TableEntity(light.PartitionKey, light.RowKey)
        {
            ["Kind"] = "line", ["BatchId"] = "b/1", ["LineNumber"] = 9, ["Operator"] = "op", ["Authority"] = "dunkerque", ["Service"] = "water",
            ["Currency"] = "EUR", ["HouseholdId"] = "hh-3", ["AccountId"] = "acc", ["Area"] = "A", ["MainResidence"] = false, ["Persons"] = 0,
            ["PeriodFrom"] = "2022-01-01", ["PeriodTo"] = "2022-12-31", ["Quantity"] = "120.50", ["Unit"] = "m3", ["TariffCode"] = "DOM",
            ["BilledMinor"] = 13760L, ["StandardBillMinor"] = 13760L, ["Eligible"] = false, ["OverchargeMinor"] = 0L, ["Notes"] = "",
            ["PricedAt"] = new DateTimeOffset(2022, 3, 1, 0, 0, 0, TimeSpan.Zero), ["EligibilityBasis"] = "{}",
        };

        Assert.Equal(["Authority", "BatchId", "Details", "Kind", "PeriodTo", "Service"], Stored(light).Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["AccountId", "Area", "Authority", "BatchId", "BilledMinor", "Currency", "EligibilityBasis", "Kind", "Operator", "PeriodFrom", "PeriodTo",
            "PricedAt", "Quantity", "Service", "StandardBillMinor", "TariffCode", "Unit"], Stored(Unpacked(light)).Select(c => c.Key).Order(StringComparer.Ordinal));
        var reads = await LedgerRowCodec.DecodeAsync(ToAsync([light, old])).ToListAsync();
        Assert.Equal(Facts(plain), Facts(reads[0].Line!));
        Assert.Equal(Facts(reads[0].Line!), Facts(reads[1].Line!));
        Assert.Equal((0, 0), (reads[0].Line!.PricedBasis!.Programs.Count, reads[1].Line!.PricedBasis!.Programs.Count));
        Assert.Equal(("hh-3", "hh-3"), (reads[0].HouseholdId, reads[1].HouseholdId));
        // A line whose facts are not the defaults keeps them.
        var full = LedgerRowCodec.EncodeLine(Line() with { OverchargeMinor = 250, Notes = "css-cap: over the cap" }, LedgerKeys.DefaultPartitions);
        var decoded = (await LedgerRowCodec.DecodeAsync(ToAsync([full])).ToListAsync())[0].Line!;
        Assert.Equal((250L, "css-cap: over the cap", true, 4, true, 1600000L), (decoded.OverchargeMinor, decoded.Notes, decoded.MainResidence, decoded.Persons, decoded.PricedEligible, decoded.AnnualIncomeMinor));
    }

    [Fact]
    public async Task Details_hold_text_as_written_and_escape_only_what_json_requires()
    {
        var line = Line() with { Id = new LedgerLineId("hh-6", "b/1", 11), Notes = "css-cap: « plafond » dépassé \"tarif\"\tbloc 2", Area = "Téteghem" };

        var row = LedgerRowCodec.EncodeLine(line, LedgerKeys.DefaultPartitions);

        Assert.Contains("""
            "Notes":"css-cap: « plafond » dépassé \"tarif\"\tbloc 2"
            """, row.GetString("Details"), StringComparison.Ordinal);
        Assert.Contains("\"Area\":\"Téteghem\"", row.GetString("Details"), StringComparison.Ordinal);
        var decoded = (await LedgerRowCodec.DecodeAsync(ToAsync([row])).ToListAsync())[0].Line!;
        Assert.Equal((line.Notes, "Téteghem"), (decoded.Notes, decoded.Area));
    }

    [Theory]
    [InlineData("[]", "its details are not a JSON object")]
    [InlineData("""{"BilledMinor":"13760"}""", "")]
    [InlineData("""{"Area":7}""", "detail Area is not a string")]
    [InlineData("""{"Area":""", "")]
    public async Task A_line_row_whose_details_cannot_be_read_fails_alone_naming_its_row(string details, string reason)
    {
        var bad = LedgerRowCodec.EncodeLine(Line() with { Id = new LedgerLineId("hh-4", "b/1", 9) }, LedgerKeys.DefaultPartitions);
        bad["Details"] = details;
        var good = LedgerRowCodec.EncodeLine(Line() with { Id = new LedgerLineId("hh-5", "b/1", 10) }, LedgerKeys.DefaultPartitions);

        var reads = await LedgerRowCodec.DecodeAsync(ToAsync([bad, good])).ToListAsync();

        Assert.Equal([bad.PartitionKey, bad.RowKey], reads[0].Address);
        Assert.Null(reads[0].Line);
        Assert.Contains(reason, reads[0].Error!.Message, StringComparison.Ordinal);
        Assert.Equal(new LedgerLineId("hh-5", "b/1", 10), reads[1].Line!.Id);
    }

    /// <summary>The columns of a row as stored, without its keys.</summary>
    private static IEnumerable<KeyValuePair<string, object>> Stored(TableEntity row) => row.Where(c => c.Key is not ("PartitionKey" or "RowKey" or "odata.etag"));

    /// <summary>A copy of a line row with its packed details back as columns.</summary>
    private static TableEntity Unpacked(TableEntity row)
    {
        var copy = new TableEntity(row);
        LineDetails.Unpack(copy);
        return copy;
    }

    /// <summary>A line's facts compared by value: no items, basis or storage time (lists compare by reference).</summary>
    private static LedgerLine Facts(LedgerLine line) => line with { Items = Array.Empty<LedgerItem>(), PricedBasis = null, StoredAt = null };

    private static TableEntity ToTableEntity(ITableEntity entity)
    {
        if (entity is TableEntity table)
            return new TableEntity(table);
        var row = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var property in entity.GetType().GetProperties().Where(p => p.Name is not ("PartitionKey" or "RowKey" or "Timestamp" or "ETag")))
            if (property.GetValue(entity) is { } value)
                row[property.Name] = value;
        return row;
    }

    private static async IAsyncEnumerable<TableEntity> ToAsync(IEnumerable<TableEntity> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }

}
