using Tariffs.Application.Json;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Who decided an eligibility flag or revocation, read from its top-level fields before it is handled, so that the
/// decision can be checked against the caller: <c>sourceAgency</c>, <c>program</c> and <c>householdId</c>.
/// </summary>
public sealed record EligibilityDecider(string? SourceAgency, string? Program, string? HouseholdId)
{
    /// <summary>The fields (null where absent or not a string); null when the body is not a JSON object.</summary>
    public static EligibilityDecider? Read(string json) =>
        TopLevelFields.Read(json, "sourceAgency", "program", "householdId") is [var agency, var program, var household]
            ? new EligibilityDecider(agency, program, household)
            : null;
}
