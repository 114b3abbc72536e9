namespace Tariffs.Application.Households;

/// <summary>
/// A period determined from the household's facts by the program's criteria: its days (<see cref="To"/> null:
/// open-ended), the verdict (<c>eligible</c>, <c>not eligible</c>, <c>unknown</c>: a fact the criteria need is
/// unknown), the window id it is priced under when eligible (<c>determined:{program}:{from}</c>), the criterion
/// that decided, why (the formula with the facts and values), the whole finding with its parts, the dated parameters
/// read with their versions and legal references, and the facts statement used.
/// </summary>
public sealed record ExplainedDetermination(
    string From,
    string? To,
    bool? Eligible,
    string Verdict,
    string? WindowId,
    string Criterion,
    string Kind,
    string Why,
    string Finding,
    IReadOnlyList<ExplainedSource> Sources,
    string FactsId,
    string FactsAsOf);
