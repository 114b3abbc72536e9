namespace Tariffs.Storage.Tables;

/// <summary>Names of the tables the service owns (lower-case letters and digits only, as Azure requires).</summary>
public static class TableNames
{
    public const string Eligibility = "eligibility";
    /// <summary>Billed lines and their append-only items, keyed by household (<see cref="Tariffs.Storage.Ledger.LedgerKeys"/>), and the outbox of corrections.</summary>
    public const string Ledger = "ledger";
    public const string Rejections = "rejections";
    public const string Reports = "reports";

    /// <summary>Received batches and their processed chunks.</summary>
    public const string Batches = "batches";

    /// <summary>Webhook deliveries that failed, kept for replay.</summary>
    public const string Deliveries = "deliveries";

    /// <summary>Universal-service decisions: compensations and restriction checks.</summary>
    public const string Events = "events";

    /// <summary>Public report cells, each frozen once released.</summary>
    public const string PublicReports = "publicreports";

    /// <summary>The cutoff of every released month of the public report.</summary>
    public const string Releases = "releases";

    /// <summary>Append-only log of reads of household-level data and of every denial, by day.</summary>
    public const string AccessLog = "accesslog";

    /// <summary>The equity report's projection of every ledger line, by report unit (<see cref="Tariffs.Storage.Reports.ReportLineStore"/>).</summary>
    public const string ReportLines = "reportlines";

    /// <summary>One row per report unit: whether it changed since its cells were last computed, and when it is due again (<see cref="Tariffs.Storage.Reports.ReportUnitStore"/>).</summary>
    public const string ReportUnits = "reportunits";

    /// <summary>Household facts statements from social services, append-only, by household (<see cref="Tariffs.Storage.Facts.HouseholdFactsStore"/>).</summary>
    public const string HouseholdFacts = "householdfacts";

    /// <summary>Settings fixed once data exists: the ledger's partition count (<see cref="StorageInitializer"/>).</summary>
    public const string Settings = "settings";

    /// <summary>Every table, for creation at startup.</summary>
    public static IReadOnlyList<string> All { get; } = [Eligibility, Ledger, Rejections, Reports, Batches, Deliveries, Events, PublicReports, Releases, AccessLog, ReportLines, ReportUnits, HouseholdFacts, Settings];
}
