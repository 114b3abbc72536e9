namespace Tariffs.Application.Households;

/// <summary>
/// One program's eligibility for the household. <see cref="AgencyOverrides"/>: an agency's flag or revocation for the
/// program exists, so its determinations are shown but not priced (an agency decision wins).
/// </summary>
public sealed record ExplainedProgram(
    string Authority,
    string Service,
    string Program,
    string Name,
    bool ClawBack,
    bool HasCriteria,
    bool AgencyOverrides,
    IReadOnlyList<ExplainedFlag> Flags,
    IReadOnlyList<ExplainedRevocation> Revocations,
    IReadOnlyList<ExplainedDetermination> Determined);
