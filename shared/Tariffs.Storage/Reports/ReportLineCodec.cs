using System.Buffers;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Ledger;
using Tariffs.Domain.Money;
using Tariffs.Domain.Reports;
using Tariffs.Domain.Social;
using Tariffs.Storage.Ledger;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Reports;

/// <summary>
/// The text forms of the report projection (<see cref="ReportLineStore"/>). Items, in a row or a pack: one string,
/// <c>step:amount:stored-at ticks[:ways]</c> separated by ';', <c>ways</c> the <see cref="EligibilityWays"/> a
/// correction records (absent: none recorded). A pack (several lines in one row, column <c>Lines</c>): a JSON
/// array with one array per line, <c>[line key, area, period end, currency, billed, standard bill, eligible, quantity,
/// unit, overcharge, annual income or null, stored-at ticks, items, ways as priced or null]</c> (packs written before
/// the basis was recorded have no last element: unknown), the household, batch and line number read from
/// the line key (<see cref="LedgerKeys.LineKey"/>) and authority and service from the row; at most
/// <see cref="MaxPackBytes"/> bytes of UTF-8, so that it fits a Table string property (64 KiB of UTF-16).
/// </summary>
public static class ReportLineCodec
{
    /// <summary>Largest pack text, in UTF-8 bytes (never more characters than bytes).</summary>
    public const int MaxPackBytes = 30_000;

    /// <summary>The items of <paramref name="line"/> as one string, each stamped <paramref name="storedAt"/> where its stored instant is unknown.</summary>
    public static string ItemsText(LedgerLine line, Instant storedAt) =>
        string.Join(';', line.Items.Select(i => string.Join(':', ((int)i.Step).ToString(CultureInfo.InvariantCulture),
            i.AmountMinor.ToString(CultureInfo.InvariantCulture), (i.StoredAt ?? storedAt).ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture))
            + (i.Basis is { } basis ? ":" + ((int)basis.Ways).ToString(CultureInfo.InvariantCulture) : "")));

    /// <summary>
    /// The packs of <paramref name="lines"/> (all of one report unit and ledger partition), in line-key order, each as
    /// its name and its text of at most <see cref="MaxPackBytes"/> bytes; a line too large for a pack of its own is
    /// returned apart (<c>Alone</c>), to be stored as a row. A pack's name is the key of its first line and a hash of
    /// all its keys: two packs of the same lines have the same name (writing one again replaces it), two packs of
    /// different lines never replace each other.
    /// </summary>
    public static (List<(string Name, string Text)> Packs, List<LedgerLine> Alone) Pack(IEnumerable<LedgerLine> lines, Instant storedAt)
    {
        var packs = new List<(string, string)>();
        var alone = new List<LedgerLine>();
        var buffer = new ArrayBufferWriter<byte>(MaxPackBytes + 4_096);
        var encoded = new ArrayBufferWriter<byte>(1_024);
        string? first = null;
        var hash = FnvOffset;
        foreach (var (key, line) in lines.Select(l => (Key: LedgerKeys.LineKey(l.Id), Line: l)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            encoded.Clear();
            using (var json = new Utf8JsonWriter(encoded))
                WriteLine(json, key, line, storedAt);
            if (encoded.WrittenCount + 2 > MaxPackBytes)
            {
                alone.Add(line);
                continue;
            }
            if (first is not null && buffer.WrittenCount + 1 + encoded.WrittenCount + 1 > MaxPackBytes)
            {
                packs.Add((Name(first, hash), Close(buffer)));
                (first, hash) = (null, FnvOffset);
            }
            buffer.Write(first is null ? "["u8 : ","u8);
            buffer.Write(encoded.WrittenSpan);
            first ??= key;
            foreach (var c in key + RowKeys.Separator)
                hash = (hash ^ c) * FnvPrime;
        }
        if (first is not null)
            packs.Add((Name(first, hash), Close(buffer)));
        return (packs, alone);
    }

    /// <summary>
    /// The lines of a pack of <paramref name="authority"/>'s <paramref name="service"/>, skipping those whose key is in
    /// <paramref name="skip"/>; a line that cannot be decoded comes back with why, a pack that cannot be read as one read
    /// with why (addressed <paramref name="address"/>).
    /// </summary>
    public static IEnumerable<LedgerRead> ReadPack(string text, string authority, string service, IReadOnlyList<string> address, IReadOnlySet<string> skip)
    {
        var where = $"report line pack {string.Join('/', address)}";
        List<LedgerRead> reads = [];
        try
        {
            using var document = JsonDocument.Parse(text);
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var key = element[0].GetString() ?? throw new InvalidDataException($"{where}: a line without its key.");
                if (skip.Contains(key))
                    continue;
                var parts = RowKeys.Split(key);
                var householdId = parts.Count == 3 ? parts[0] : "";
                try
                {
                    reads.Add(new LedgerRead([.. address, key], authority, service, householdId, ReadLine(element, parts, authority, service, $"{where} line {key}"), null));
                }
                catch (Exception e) when (IsMisshapen(e))
                {
                    reads.Add(new LedgerRead([.. address, key], authority, service, householdId, null, e));
                }
            }
        }
        catch (Exception e) when (IsMisshapen(e))
        {
            return [new LedgerRead(address, authority, service, "", null, e)];
        }
        return reads;
    }

    /// <summary>The line a row or pack entry describes: what the report derives from, other fields default.</summary>
    public static LedgerLine Line(IReadOnlyList<string> key, string authority, string service, string? currency, string area, LocalDate to, decimal quantity, string unit,
        long billed, long standard, bool eligible, long overcharge, long? income, EligibilityWays? ways, Instant? storedAt, string? items, string where) =>
        new(new LedgerLineId(key[0], key[1], int.Parse(key[2], CultureInfo.InvariantCulture)), "", authority, service, Currency.Find(currency, where), "", area, false, 0,
            new DateInterval(to, to), quantity, unit, "", billed, standard, eligible, default, Items(items, to, where))
        {
            OverchargeMinor = overcharge,
            AnnualIncomeMinor = income,
            PricedBasis = ways is { } w ? EligibilityBasis.OfWays(w) : null,
            StoredAt = storedAt,
        };

    /// <summary>The ways stored as <paramref name="value"/> (null: unknown); throws <see cref="InvalidDataException"/> for a value no ways have.</summary>
    public static EligibilityWays? Ways(int? value, string where) => value switch
    {
        null => null,
        >= 0 and <= (int)EligibilityWays.Both => (EligibilityWays)value.Value,
        _ => throw new InvalidDataException($"{where}: unknown eligibility ways {value}."),
    };

    /// <summary>True for the errors a stored value that no line can hold raises when decoded.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is FormatException or InvalidDataException or OverflowException or ArgumentException or IndexOutOfRangeException or UnknownCurrencyException;

    /// <summary>True for what reading a pack entry of the wrong shape raises, besides <see cref="IsUnreadable"/>.</summary>
    private static bool IsMisshapen(Exception e) => IsUnreadable(e) || e is InvalidOperationException or JsonException;

    private static void WriteLine(Utf8JsonWriter json, string key, LedgerLine line, Instant storedAt)
    {
        json.WriteStartArray();
        json.WriteStringValue(key);
        json.WriteStringValue(line.Area);
        json.WriteStringValue(StoredDate.Format(line.Period.End));
        json.WriteStringValue(line.Currency.Code);
        json.WriteNumberValue(line.BilledMinor);
        json.WriteNumberValue(line.StandardBillMinor);
        json.WriteBooleanValue(line.PricedEligible);
        json.WriteStringValue(line.Quantity.ToString(CultureInfo.InvariantCulture));
        json.WriteStringValue(line.Unit);
        json.WriteNumberValue(line.OverchargeMinor);
        if (line.AnnualIncomeMinor is { } income)
            json.WriteNumberValue(income);
        else
            json.WriteNullValue();
        json.WriteNumberValue((line.StoredAt ?? storedAt).ToUnixTimeTicks());
        json.WriteStringValue(ItemsText(line, storedAt));
        if (line.PricedBasis is { } basis)
            json.WriteNumberValue((int)basis.Ways);
        else
            json.WriteNullValue();
        json.WriteEndArray();
    }

    private static LedgerLine ReadLine(JsonElement e, IReadOnlyList<string> key, string authority, string service, string where)
    {
        var length = e.GetArrayLength();
        if (length is not (13 or 14) || key.Count != 3)
            throw new InvalidDataException($"{where}: not a projected line.");
        var quantity = e[7].GetString() is { Length: > 0 } q ? decimal.Parse(q, NumberStyles.Number, CultureInfo.InvariantCulture) : 0m;
        return Line(key, authority, service, e[3].GetString(), e[1].GetString() ?? "", StoredDate.Parse(e[2].GetString() ?? ""), quantity, e[8].GetString() ?? "",
            e[4].GetInt64(), e[5].GetInt64(), e[6].GetBoolean(), e[9].GetInt64(), e[10].ValueKind == JsonValueKind.Null ? null : e[10].GetInt64(),
            length == 14 && e[13].ValueKind != JsonValueKind.Null ? Ways(e[13].GetInt32(), where) : null,
            Instant.FromUnixTimeTicks(e[11].GetInt64()), e[12].GetString(), where);
    }

    private const ulong FnvOffset = 14695981039346656037, FnvPrime = 1099511628211;

    private static string Name(string firstKey, ulong hash) => firstKey + RowKeys.Separator + hash.ToString("x16", CultureInfo.InvariantCulture);

    private static string Close(ArrayBufferWriter<byte> buffer)
    {
        buffer.Write("]"u8);
        var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        buffer.Clear();
        return text;
    }

    private static List<LedgerItem> Items(string? text, LocalDate day, string where)
    {
        if (string.IsNullOrEmpty(text))
            return [];
        var items = new List<LedgerItem>();
        foreach (var item in text.Split(';'))
        {
            var parts = item.Split(':');
            var step = (RuleStep)int.Parse(parts[0], CultureInfo.InvariantCulture);
            if (parts.Length is not (3 or 4) || !Enum.IsDefined(step))
                throw new InvalidDataException($"{where}: unreadable item '{item}'.");
            items.Add(new LedgerItem("", "", step, long.Parse(parts[1], CultureInfo.InvariantCulture), 0, "", "", new DateInterval(day, day), [])
            {
                StoredAt = Instant.FromUnixTimeTicks(long.Parse(parts[2], CultureInfo.InvariantCulture)),
                Basis = parts.Length == 4 && Ways(int.Parse(parts[3], CultureInfo.InvariantCulture), where) is { } ways ? EligibilityBasis.OfWays(ways) : null,
            });
        }
        return items;
    }
}
