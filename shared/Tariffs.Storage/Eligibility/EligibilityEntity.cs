using System.Globalization;
using Azure.Data.Tables;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Eligibility;

/// <summary>
/// A stored eligibility fact: PartitionKey = program id; RowKey = household | f | flag id for a window
/// (<see cref="Kind"/> = window), household | r | revocation id for a revocation. A chunk of a batch reads a
/// program's facts from a cache of its partition, refreshed by one query per chunk; a re-sent flag or revocation is stored once,
/// and other content under its id is refused (see <see cref="EligibilityStore"/>).
/// </summary>
public sealed class EligibilityEntity : StorageEntity
{
    public const string WindowKind = "window";
    public const string RevocationKind = "revocation";

    public string Kind { get; set; } = WindowKind;
    public string HouseholdId { get; set; } = "";
    /// <summary>The flag id of a window, the revocation id of a revocation.</summary>
    public string FlagId { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    /// <summary>A revocation's effective date: the window ends the day before.</summary>
    public string EffectiveDate { get; set; } = "";
    public string DecisionDate { get; set; } = "";
    public string SourceAgency { get; set; } = "";
    public string EvidenceReference { get; set; } = "";
    /// <summary>When Tariffs first received it; decides which lines a revocation without claw-back affects.</summary>
    public DateTimeOffset ReceivedAt { get; set; }
    /// <summary>The day the household facts below were established; empty when the flag carried none.</summary>
    public string FactsAsOf { get; set; } = "";
    /// <summary>Annual income as an invariant decimal string; empty when unknown.</summary>
    public string AnnualIncome { get; set; } = "";
    public int? IncomeReferenceYear { get; set; }
    public int? Persons { get; set; }
    public bool? PensionersOnly { get; set; }
    public bool? MedicalNeed { get; set; }
    public bool? ChequeEnergieAttestation { get; set; }

    /// <summary>The entity a row read as a <see cref="TableEntity"/> holds (from an export); a missing text column reads as empty.</summary>
    public static EligibilityEntity FromRow(TableEntity row) => new()
    {
        PartitionKey = row.PartitionKey,
        RowKey = row.RowKey,
        Kind = row.GetString(nameof(Kind)) ?? WindowKind,
        HouseholdId = row.GetString(nameof(HouseholdId)) ?? "",
        FlagId = row.GetString(nameof(FlagId)) ?? "",
        From = row.GetString(nameof(From)) ?? "",
        To = row.GetString(nameof(To)) ?? "",
        EffectiveDate = row.GetString(nameof(EffectiveDate)) ?? "",
        DecisionDate = row.GetString(nameof(DecisionDate)) ?? "",
        SourceAgency = row.GetString(nameof(SourceAgency)) ?? "",
        EvidenceReference = row.GetString(nameof(EvidenceReference)) ?? "",
        ReceivedAt = row.GetDateTimeOffset(nameof(ReceivedAt)) ?? default,
        FactsAsOf = row.GetString(nameof(FactsAsOf)) ?? "",
        AnnualIncome = row.GetString(nameof(AnnualIncome)) ?? "",
        IncomeReferenceYear = row.GetInt32(nameof(IncomeReferenceYear)),
        Persons = row.GetInt32(nameof(Persons)),
        PensionersOnly = row.GetBoolean(nameof(PensionersOnly)),
        MedicalNeed = row.GetBoolean(nameof(MedicalNeed)),
        ChequeEnergieAttestation = row.GetBoolean(nameof(ChequeEnergieAttestation)),
    };

    /// <summary>
    /// What the row states for <paramref name="programId"/>: an <see cref="EligibilityWindow"/>, or a
    /// <see cref="StoredRevocation"/> when <see cref="Kind"/> is <see cref="RevocationKind"/>; throws a
    /// <see cref="FormatException"/> (or <see cref="ArgumentException"/>, <see cref="OverflowException"/>) when a date or
    /// the income cannot be read.
    /// </summary>
    public object ToFact(string programId) => Kind == RevocationKind
        ? new StoredRevocation(programId, FlagId, StoredDate.Parse(EffectiveDate), StoredDate.Parse(DecisionDate), Instant.FromDateTimeOffset(ReceivedAt))
        : new EligibilityWindow(programId, new DateInterval(StoredDate.Parse(From), StoredDate.Parse(To)), StoredDate.Parse(DecisionDate), FlagId,
            FactsAsOf.Length == 0 ? null : new HouseholdFacts(
                StoredDate.Parse(FactsAsOf),
                AnnualIncome.Length == 0 ? null : decimal.Parse(AnnualIncome, CultureInfo.InvariantCulture),
                IncomeReferenceYear,
                Persons,
                PensionersOnly,
                MedicalNeed,
                ChequeEnergieAttestation));
}
