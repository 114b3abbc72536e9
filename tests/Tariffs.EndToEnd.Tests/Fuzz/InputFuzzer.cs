using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Tariffs.EndToEnd.Tests.Fuzz;

/// <summary>
/// Generates malformed and extreme inputs from a seed — the values a buggy billing export or a hostile client
/// produces: lengths around and far past the limits, every Unicode class (lone surrogates, controls, the characters
/// Table storage forbids in keys, the key separator), numbers past what the engine and minor units hold, impossible
/// and far dates, wrong JSON types, property names in the wrong case, duplicate keys, deep nesting, invalid UTF-8.
/// The same seed gives the same inputs.
/// </summary>
public sealed class InputFuzzer(int seed)
{
    private static readonly string[] Strings =
    [
        "", " ", "*", "a", new string('x', 64), new string('x', 65), new string('y', 600), new string('z', 40_000),
        "col/1", "col#1", "col?1", "col\\1", "h|f|x", "x|f|y", "~7C", "%2F", "tab\there", "nul\0byte", "\u0085next",
        "\ud800", "a\udc00b", "é è ü 中文 🚰", "\u202Eevil", "revocationId", "' or 1 eq 1", "../../etc",
    ];

    private static readonly JsonNode?[] Numbers =
    [
        0, 1, -1, 0.5m, 1e-7m, 1_000_000_000m, 1_000_000_001m, -1_000_000_001m, 1e17m, -1e17m, 7.9e28m, 99, 100,
        int.MaxValue, (long)int.MaxValue + 1, "1", "12.5", true, null, new JsonArray(), new JsonObject(),
    ];

    private static readonly JsonNode?[] Dates =
    [
        "2022-01-01", "2022-02-30", "9999-12-31", "2199-12-31", "2200-01-01", "1900-01-01", "1899-12-31", "0001-01-01",
        "-0001-01-01", "2022-1-1", "", 20220101, null, "2022-12-31T00:00:00Z",
    ];

    private readonly Random random = new(seed);

    /// <summary>The seed, to reproduce a failure.</summary>
    public int Seed { get; } = seed;

    /// <summary>A string of a random class.</summary>
    public string NastyString() => Pick(Strings);

    /// <summary>A JSON value where a number is expected: extreme, out of range or of the wrong type.</summary>
    public JsonNode? NastyNumber() => Clone(Pick(Numbers));

    /// <summary>A JSON value where a date is expected.</summary>
    public JsonNode? NastyDate() => Clone(Pick(Dates));

    /// <summary>A good line of household <paramref name="household"/>, priced at the sample tariff.</summary>
    public static JsonObject GoodLine(int number, string household) => Pipeline.Line(number, household, 60m);

    /// <summary>A line with one or two fields broken, as JSON text (some breakages exist only as text).</summary>
    public string BadLine(int number)
    {
        var line = Pipeline.Line(number, $"fz-bad-{Seed}-{number}", 60m);
        switch (random.Next(12))
        {
            case 0: line["householdId"] = NastyString(); break;
            case 1: line["area"] = NastyString(); break;
            case 2: line["tariffCode"] = NastyString(); break;
            case 3: line["accountId"] = NastyString(); break;
            case 4: line["consumption"]!["quantity"] = NastyNumber(); break;
            case 5: line["billedAmount"] = NastyNumber(); break;
            case 6: line["persons"] = NastyNumber(); break;
            case 7: line["period"]![random.Next(2) == 0 ? "from" : "to"] = NastyDate(); break;
            case 8: line.Remove(Pick(["householdId", "area", "persons", "period", "consumption", "tariffCode", "billedAmount"])); break;
            case 9: return Nested(random.Next(60, 140));
            case 10: return line.ToJsonString().Replace("\"persons\":2", "\"persons\":2,\"persons\":9", StringComparison.Ordinal);
            default: return line.ToJsonString().Replace("\"area\"", "\"Area\"", StringComparison.Ordinal);
        }
        if (random.Next(4) == 0)
            line["consumption"]!["unit"] = NastyString();
        return line.ToJsonString();
    }

    /// <summary>A suffix drawn from the characters Table keys forbid or escape, so that batch ids exercise the key encoding.</summary>
    public string KeySuffix() => Pick(["", "", "/x", "#x", "?x", "\\x", "|x", "~7C", "%2F"]);

    /// <summary>
    /// A batch of <paramref name="good"/> good lines (numbers 1..good, households <c>fz-good-{batchId}-{n}</c>) and a few
    /// broken ones, sometimes with a broken header field or a line number repeated (as <c>1</c> and <c>"1"</c> do not
    /// repeat: only a number read twice refuses the batch), as UTF-8 bytes; sometimes with an invalid UTF-8 byte.
    /// <paramref name="refusable"/> is true when the batch as a whole may be refused.
    /// </summary>
    public byte[] Batch(string batchId, string authority, int good, out bool refusable)
    {
        var header = new JsonObject
        {
            ["batchId"] = batchId, ["operator"] = "fz-op", ["authority"] = authority, ["service"] = "water",
            ["currency"] = "EUR", ["createdAt"] = "2023-01-05T08:00:00Z",
        };
        refusable = random.Next(5) == 0;
        if (refusable)
            header[Pick(["operator", "currency", "createdAt", "service"])] = random.Next(2) == 0 ? NastyString() : NastyNumber();
        var lines = Enumerable.Range(1, good).Select(n => GoodLine(n, $"fz-good-{batchId}-{n}").ToJsonString())
            .Concat(Enumerable.Range(good + 1, random.Next(1, 4)).Select(BadLine))
            .ToList();
        switch (random.Next(6))
        {
            case 0: // the same number as a string: not a line number, so that line alone is refused
                lines.Add(Pipeline.Line(1, $"fz-bad-{Seed}-string-number", 60m).ToJsonString().Replace("\"lineNumber\":1", "\"lineNumber\":\"1\"", StringComparison.Ordinal));
                break;
            case 1: // a number repeated: the whole batch is refused, its numbers named
                lines.Add(Pipeline.Line(1, $"fz-bad-{Seed}-repeated", 60m).ToJsonString());
                refusable = true;
                break;
        }
        lines = lines.OrderBy(_ => random.Next()).ToList();
        var text = header.ToJsonString()[..^1] + ",\"lines\":[" + string.Join(',', lines) + "]}";
        var bytes = Encoding.UTF8.GetBytes(text);
        if (random.Next(8) == 0)
        {
            // An invalid UTF-8 byte inside a string of a bad line: find the last "fz-bad-" and break its first letter.
            var at = text.LastIndexOf("fz-bad-", StringComparison.Ordinal);
            if (at >= 0)
                bytes[Encoding.UTF8.GetByteCount(text.AsSpan(0, at))] = 0xFF;
        }
        return bytes;
    }

    /// <summary>An eligibility flag with one field broken (or none), as JSON text.</summary>
    public string Flag(string flagId, bool broken)
    {
        var flag = Pipeline.Flag(flagId, $"fz-flag-household-{flagId}", "fz-css", "2022-01-01");
        flag["facts"] = new JsonObject { ["annualIncome"] = 12_000, ["incomeYear"] = 2021, ["persons"] = 2 };
        if (broken)
            switch (random.Next(7))
            {
                case 0: flag["householdId"] = NastyString(); break;
                case 1: flag["sourceAgency"] = NastyString(); break;
                case 2: flag["evidenceReference"] = NastyString(); break;
                case 3: flag["facts"]!["annualIncome"] = NastyNumber(); break;
                case 4: flag["facts"]!["persons"] = NastyNumber(); break;
                case 5: flag["window"]!["from"] = NastyDate(); break;
                default: flag["decisionDate"] = NastyDate(); break;
            }
        return flag.ToJsonString();
    }

    /// <summary>A message body that no queue of the service can read.</summary>
    public string Garbage() => random.Next(6) switch
    {
        0 => "",
        1 => "{",
        2 => "[1,2,3]",
        3 => "{\"claimCheck\":{\"blobName\":\"\"}}",
        4 => "{\"claimCheck\":{\"blobName\":\"incoming/missing-" + random.Next().ToString(CultureInfo.InvariantCulture) + ".json\"}}",
        _ => NastyString(),
    };

    private static string Nested(int depth) =>
        string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
