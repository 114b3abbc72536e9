using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Export;

/// <summary>What each table of an export holds, in the data dictionary's words (<see cref="LedgerCsv.Dictionary"/>); every table of <see cref="TableNames.All"/> has one.</summary>
public static class ExportTables
{
    /// <summary>The description of each table, by name.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [TableNames.Eligibility] = "eligibility flags (windows, with the facts an agency stated) and revocations from social services: PartitionKey the program, RowKey household | f or r | id, and `|changed` the program's change marker (a random value each write replaces); partition `~ids` holds the id claims",
        [TableNames.Ledger] = "billed lines and their append-only items (originals, corrections, payments, refunds) with rule, versions, legal reference and explanation, amounts in minor units: PartitionKey a hash of the household, RowKey household | batch | line [| rule | sequence]; a line row keeps apart the columns queries filter on (Kind, BatchId, Authority, Service, PeriodTo) and packs the others into `Details`, one JSON object (rows stored before 2026-12-07 have them apart; `csv/ledger-lines.csv` has every column); outbox rows under `|outbox|`",
        [TableNames.Rejections] = "billing lines refused, with why",
        [TableNames.Reports] = "the regulator's equity report cells",
        [TableNames.Batches] = "billing batches received and their processed chunks",
        [TableNames.Deliveries] = "webhook deliveries that failed, kept for replay",
        [TableNames.Events] = "universal-service decisions: compensations and restriction checks",
        [TableNames.PublicReports] = "public report cells, each frozen once released",
        [TableNames.Releases] = "the cutoff of every released month of the public report",
        [TableNames.AccessLog] = "reads of household-level data and every denial, by day",
        [TableNames.ReportLines] = "the equity report's projection of every ledger line, by report unit",
        [TableNames.ReportUnits] = "one row per report unit: whether it changed since its cells were computed, when it is due again",
        [TableNames.HouseholdFacts] = "household facts statements from social services, from which a catalog's criteria determine eligibility (the audit and the simulation read them): PartitionKey the household, RowKey the facts id; `HouseholdId`, `FactsId`, `Facts` (the statement as canonical JSON, a field absent when not stated: `AsOf` date, `Income` annual income as text, `Year` the income's reference year, `Persons`, `PensionersOnly`, `MedicalNeed`, `ChequeEnergieAttestation`, `SharedCustodyChildren`, `Benefits` [{`Code`, `From`, `To`}], `MainResidence`, `Tenure`), `SourceAgency`, `EvidenceReference`, `ReceivedAt` (when Tariffs first received it: facts that take eligibility away count only for lines priced after it, unless the program claws back); partition `~ids` holds the id claims, partition `~changed` the change marker (row `|changed`, a random value each statement stored replaces)",
        [TableNames.Settings] = "settings fixed once data exists: the ledger's partition count (PartitionKey `ledger`, RowKey `partitions`)",
    };

    /// <summary>What table <paramref name="table"/> holds; a table this code does not know is named only.</summary>
    public static string Describe(string table) => Descriptions.GetValueOrDefault(table) is { } what ? $"table `{table}`: {what}" : $"table `{table}`";
}
