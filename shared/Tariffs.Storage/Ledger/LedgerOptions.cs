namespace Tariffs.Storage.Ledger;

/// <summary>
/// The ledger's layout (configuration section <c>Tariffs:Ledger</c>), chosen once per deployment: the number of
/// partitions the ledger (and the report projection) spreads households over. Fixed once data exists: the count is
/// stored at the first start (<see cref="StorageInitializer"/>, table <c>settings</c>) and a start with another count is
/// refused, since every stored row's partition follows from it. docs/architecture.md gives the load model behind a choice.
/// </summary>
public sealed class LedgerOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Tariffs:Ledger";

    /// <summary>Partitions of the ledger, 1 … <see cref="LedgerKeys.MaxPartitions"/> (default <see cref="LedgerKeys.DefaultPartitions"/>, the count before it was a setting).</summary>
    public int Partitions { get; set; } = LedgerKeys.DefaultPartitions;

    /// <summary>Why the options are invalid, or null.</summary>
    public string? Invalid() => Partitions is < 1 or > LedgerKeys.MaxPartitions
        ? $"{Section}:Partitions must be between 1 and {LedgerKeys.MaxPartitions} (got {Partitions})."
        : null;
}
