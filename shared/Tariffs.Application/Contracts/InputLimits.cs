using NodaTime;

namespace Tariffs.Application.Contracts;

/// <summary>
/// The limits every inbound message, document and HTTP body is held to at the door (docs/api.md, "Limits"; the JSON
/// Schemas in shared/contracts carry the same). Within them an id escaped for a Table key (at most 3 characters per
/// character) stays well under the 1 KiB key limit, and the engine's decimal arithmetic and its conversion to minor
/// units (<see cref="long"/>) cannot overflow for catalog prices of at most <see cref="MaxCatalogAmount"/> per unit.
/// </summary>
public static class InputLimits
{
    /// <summary>Ids (batchId, householdId, flagId, revocationId, factsId, operator, authority, service, program, sourceAgency): 1 to 64 characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Codes (area, accountId, tariffCode, unit, currency, jurisdiction, scheme, kind, incidentId): 1 to 64 characters.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>Free text (evidenceReference, notes): at most 256 characters.</summary>
    public const int MaxTextLength = 256;

    /// <summary>The area code of an authority's total in reports: refused as the area of a line or an incident.</summary>
    public const string ReservedArea = "*";

    /// <summary>A consumed quantity: 0 to 1,000,000,000.</summary>
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>A money amount (billedAmount) is at least -1,000,000,000.</summary>
    public const decimal MinAmount = -1_000_000_000m;

    /// <summary>A money amount (billedAmount, annualIncome) is at most 1,000,000,000; an income is at least 0.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>The fewest persons in a household.</summary>
    public const int MinPersons = 1;

    /// <summary>The most persons in a household.</summary>
    public const int MaxPersons = 99;

    /// <summary>The smallest line number (the largest is <see cref="int.MaxValue"/>, 2,147,483,647).</summary>
    public const int MinLineNumber = 1;

    /// <summary>A catalog price per unit, fixed charge, cap, credit or threshold: 0 to 1,000,000.</summary>
    public const decimal MaxCatalogAmount = 1_000_000m;

    /// <summary>The deepest nesting within a message, a document or one billing line (the reader's depth, the root at depth 1).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The deepest nesting of a whole billing batch document, so that a line nested deeper than <see cref="MaxDepth"/>
    /// (its own depth plus the two levels of the batch object and its <c>lines</c> array) is that line's rejection,
    /// not the batch's refusal.
    /// </summary>
    public const int MaxBatchDepth = 256;

    /// <summary>The most bytes of a billing batch posted over HTTP (100 MiB).</summary>
    public const long MaxBatchBytes = 100L * 1024 * 1024;

    /// <summary>The most bytes of a small JSON body over HTTP (eligibility flag, restriction check, incident, rules): 1 MiB.</summary>
    public const int MaxSmallBodyBytes = 1024 * 1024;

    /// <summary>The first date accepted anywhere.</summary>
    public static LocalDate MinDate { get; } = new(1900, 1, 1);

    /// <summary>The last date accepted anywhere.</summary>
    public static LocalDate MaxDate { get; } = new(2199, 12, 31);
}
