using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// A synthetic Dunkerque water batch (the sample catalog, tariff DOM): one yearly 2022 line per household, 20 areas,
/// 1–6 persons, 20–250 m³; and CSS eligibility flags for a share of its households. Deterministic (fixed seed).
/// </summary>
public static class SyntheticBatch
{
    /// <summary>The sample catalog's authority, service and program.</summary>
    public const string Authority = "dunkerque", Service = "water", Program = "dunkerque-css";

    /// <summary>Household id of line <paramref name="number"/> (lines and households are one to one).</summary>
    public static string Household(int number) => $"hh-{number:D7}";

    /// <summary>Writes a batch of <paramref name="lines"/> lines to <paramref name="path"/>, streaming.</summary>
    public static void Write(string path, string batchId, int lines)
    {
        var random = new Random(20220101);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(stream);
        json.WriteStartObject();
        json.WriteString("batchId", batchId);
        json.WriteString("operator", "bench-operator");
        json.WriteString("authority", Authority);
        json.WriteString("service", Service);
        json.WriteString("currency", "EUR");
        json.WriteString("createdAt", "2023-01-05T08:00:00Z");
        json.WriteStartArray("lines");
        for (var n = 1; n <= lines; n++)
        {
            json.WriteStartObject();
            json.WriteNumber("lineNumber", n);
            json.WriteString("householdId", Household(n));
            json.WriteString("accountId", $"acc-{n:D7}");
            json.WriteString("area", $"59183-{(char)('A' + n % 20)}");
            json.WriteBoolean("mainResidence", true);
            json.WriteNumber("persons", random.Next(1, 7));
            json.WriteStartObject("period");
            json.WriteString("from", "2022-01-01");
            json.WriteString("to", "2022-12-31");
            json.WriteEndObject();
            json.WriteStartObject("consumption");
            json.WriteNumber("quantity", random.Next(20, 251));
            json.WriteString("unit", "m3");
            json.WriteEndObject();
            json.WriteString("tariffCode", "DOM");
            json.WriteNumber("billedAmount", 0m);
            json.WriteEndObject();
            if (n % 1000 == 0)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>CSS flags (from 1 Jan 2022) for every household whose number is a multiple of <paramref name="every"/>, as JSON documents.</summary>
    public static IEnumerable<string> Flags(int lines, int every)
    {
        for (var n = every; n <= lines; n += every)
        {
            var flag = new Dictionary<string, object>
            {
                ["flagId"] = string.Create(CultureInfo.InvariantCulture, $"bench-css-{n:D7}"),
                ["householdId"] = Household(n),
                ["program"] = Program,
                ["window"] = new Dictionary<string, string> { ["from"] = "2022-01-01" },
                ["decisionDate"] = "2021-12-15",
                ["sourceAgency"] = "benchmark",
                ["evidenceReference"] = $"bench-{n}",
            };
            yield return JsonSerializer.Serialize(flag);
        }
    }

    /// <summary>The flag documents Base64-encoded as the queue trigger expects.</summary>
    public static string QueueMessage(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
