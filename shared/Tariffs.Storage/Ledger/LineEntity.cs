namespace Tariffs.Storage.Ledger;

/// <summary>
/// The columns of a priced billing line's row in the ledger: PartitionKey = the household's bucket, RowKey = household
/// | batch | line (see <see cref="LedgerStore"/>), so its adjustments (RowKey = line key | …) sort right after it. The
/// row holds the line's facts (to recompute it when eligibility arrives late) and its standard bill in minor units.
/// Only columns that carry information are written (<see cref="LedgerRowCodec.EncodeLine"/>): a column holding its
/// default, or repeating the row key, is left out and reads as that default or from the key. The columns no query
/// filters on are written packed into one, <see cref="Details"/> (<see cref="LineDetails"/>). Rows written before
/// (every column apart) read the same.
/// </summary>
public static class LineEntity
{
    /// <summary><see cref="LedgerKinds.Line"/>; always written (queries filter on it).</summary>
    public const string Kind = nameof(Kind);

    /// <summary>The batch; always written (queries filter on it), though the row key holds it too.</summary>
    public const string BatchId = nameof(BatchId);

    /// <summary>The line's number in its batch (Int32); not written: the row key holds it.</summary>
    public const string LineNumber = nameof(LineNumber);

    /// <summary>The operator that billed the line.</summary>
    public const string Operator = nameof(Operator);

    /// <summary>The authority whose catalog priced the line; always written (queries filter on it).</summary>
    public const string Authority = nameof(Authority);

    /// <summary>The service; always written (queries filter on it).</summary>
    public const string Service = nameof(Service);

    /// <summary>ISO 4217 code of every amount of the line.</summary>
    public const string Currency = nameof(Currency);

    /// <summary>The household billed; not written: the row key holds it.</summary>
    public const string HouseholdId = nameof(HouseholdId);

    /// <summary>The operator's account.</summary>
    public const string AccountId = nameof(AccountId);

    /// <summary>The area the report counts the line in.</summary>
    public const string Area = nameof(Area);

    /// <summary>The line is for the household's main residence (Boolean); absent when false.</summary>
    public const string MainResidence = nameof(MainResidence);

    /// <summary>Household size (Int32); absent when 0.</summary>
    public const string Persons = nameof(Persons);

    /// <summary>First day of the period (yyyy-MM-dd).</summary>
    public const string PeriodFrom = nameof(PeriodFrom);

    /// <summary>Last day of the period, inclusive (yyyy-MM-dd).</summary>
    public const string PeriodTo = nameof(PeriodTo);

    /// <summary>Consumption as an invariant decimal string (decimals do not round-trip in Table storage).</summary>
    public const string Quantity = nameof(Quantity);

    /// <summary>Unit of the quantity.</summary>
    public const string Unit = nameof(Unit);

    /// <summary>The catalog's tariff the line is billed on.</summary>
    public const string TariffCode = nameof(TariffCode);

    /// <summary>What the operator billed, in minor units (Int64).</summary>
    public const string BilledMinor = nameof(BilledMinor);

    /// <summary>The standard tariff's bill, in minor units (Int64).</summary>
    public const string StandardBillMinor = nameof(StandardBillMinor);

    /// <summary>Eligible for a program on a day of the period when first priced (Boolean); absent when false.</summary>
    public const string Eligible = nameof(Eligible);

    /// <summary>What the operator billed above the uniform tariff plus its tolerance, in minor units (Int64); absent when 0.</summary>
    public const string OverchargeMinor = nameof(OverchargeMinor);

    /// <summary>The household's annual income known when the line was priced, in minor units (Int64); absent when unknown.</summary>
    public const string AnnualIncomeMinor = nameof(AnnualIncomeMinor);

    /// <summary>Rules of programs the household is eligible for that did not apply, and why ("; "-separated); absent when none.</summary>
    public const string Notes = nameof(Notes);

    /// <summary>When the line was first priced (DateTime): revocations without claw-back received later leave it alone.</summary>
    public const string PricedAt = nameof(PricedAt);

    /// <summary>
    /// How the household was eligible per program when the line was priced (<see cref="EligibilityBasisText"/>); always
    /// written, <c>{}</c> for no program: absent means a row stored before it was recorded (unknown).
    /// </summary>
    public const string EligibilityBasis = nameof(EligibilityBasis);

    /// <summary>Every other column of the line (operator, currency, account, area, amounts, …) as one JSON object (<see cref="LineDetails"/>); absent on rows stored before 2026-12-07.</summary>
    public const string Details = nameof(Details);
}
