using NodaTime;

namespace Tariffs.Application.Simulations;

/// <summary>
/// A simulation as <c>GET /api/simulations/{id}</c> shows it: its state, lines done (priced, or refused by the engine)
/// of the total once counted, and when completed the cells (<see cref="SimulationCell"/>, suppressed like the public
/// report).
/// </summary>
public sealed record SimulationStatus(
    string Id,
    string Authority,
    string Service,
    LocalDate From,
    LocalDate To,
    SimulationState State,
    long LinesDone,
    long? LinesTotal,
    long LinesRefused,
    string? Error,
    IReadOnlyList<SimulationCell>? Cells);
