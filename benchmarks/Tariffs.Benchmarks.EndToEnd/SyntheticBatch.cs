using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Tariffs.Domain.Dates;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Tables;
using Tariffs.Application.Ports;

namespace Tariffs.Benchmarks.EndToEnd;

/// <summary>
/// A synthetic Dunkerque water batch (the sample catalog, tariff DOM): one yearly 2022 line per household, 20 areas,
/// 1–6 persons, 20–250 m³; and CSS eligibility for a share of its households. Deterministic (fixed seed).
/// </summary>
public static class SyntheticBatch
{
    /// <summary>The sample catalog's authority, service and program.</summary>
    public const string Authority = "dunkerque", Service = "water", Program = "dunkerque-css";

    /// <summary>Household id of line <paramref name="number"/> (lines and households are one to one).</summary>
    public static string Household(int number) => $"hh-{number:D7}";

    /// <summary>
    /// Writes a batch of <paramref name="lines"/> lines billing <paramref name="year"/> (the sample catalog prices 2022
    /// onwards) to <paramref name="path"/>, streaming: households <paramref name="firstHousehold"/> onwards.
    /// </summary>
    public static void Write(string path, string batchId, int lines, int year = 2022, int firstHousehold = 1)
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
        for (var line = 1; line <= lines; line++)
        {
            var n = firstHousehold + line - 1;
            json.WriteStartObject();
            json.WriteNumber("lineNumber", line);
            json.WriteString("householdId", Household(n));
            json.WriteString("accountId", $"acc-{n:D7}");
            json.WriteString("area", $"59183-{(char)('A' + n % 20)}");
            json.WriteBoolean("mainResidence", true);
            json.WriteNumber("persons", random.Next(1, 7));
            json.WriteStartObject("period");
            json.WriteString("from", $"{year:D4}-01-01");
            json.WriteString("to", $"{year:D4}-12-31");
            json.WriteEndObject();
            json.WriteStartObject("consumption");
            json.WriteNumber("quantity", random.Next(20, 251));
            json.WriteString("unit", "m3");
            json.WriteEndObject();
            json.WriteString("tariffCode", "DOM");
            json.WriteNumber("billedAmount", 0m);
            json.WriteEndObject();
            if (line % 1000 == 0)
                json.Flush();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>
    /// Stores open-ended CSS eligibility windows (from 1 Jan 2022, decided 15 Dec 2021, no household facts) for every
    /// household whose number is a multiple of <paramref name="every"/>, straight into the eligibility table in
    /// 100-row transactions, as the flag handler would store them (same keys and columns): setting up the population
    /// is not what is measured, and 50,000 flags through the queue take many minutes here. Returns how many.
    /// </summary>
    public static async Task<int> SeedEligibilityAsync(string connectionString, int lines, int every)
    {
        var table = new TableClient(connectionString, TableNames.Eligibility);
        await table.CreateIfNotExistsAsync();
        var received = DateTimeOffset.UtcNow;
        var rows = new List<EligibilityEntity>();
        for (var n = every; n <= lines; n += every)
        {
            var flagId = string.Create(CultureInfo.InvariantCulture, $"bench-css-{n:D7}");
            rows.Add(new EligibilityEntity
            {
                PartitionKey = RowKeys.Whole(Program),
                RowKey = RowKeys.Join(Household(n), "f", flagId),
                Kind = EligibilityEntity.WindowKind,
                HouseholdId = Household(n),
                FlagId = flagId,
                From = "2022-01-01",
                To = StoredDate.Format(DateIntervals.OpenEnd),
                DecisionDate = "2021-12-15",
                SourceAgency = "benchmark",
                EvidenceReference = $"bench-{n}",
                ReceivedAt = received,
            });
        }
        var stored = await table.InsertMissingAsync(rows, CancellationToken.None);
        // As the store does with each row it saves: the marker tells the host's eligibility cache that the partition changed.
        await table.SubmitTransactionAsync([ChangeMarker.Touch(RowKeys.Whole(Program))]);
        return stored;
    }
}
