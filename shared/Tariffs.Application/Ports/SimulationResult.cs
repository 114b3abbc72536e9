using Tariffs.Application.Simulations;

namespace Tariffs.Application.Ports;

/// <summary>
/// The result of a completed simulation, combined once when its last chunk completed: lines done and refused, the cells
/// (<see cref="SimulationCell"/>, suppressed like the public report), and the segments of household sums in the order
/// the household-level diff is paged (<see cref="Segments"/>: chunk, then segment).
/// </summary>
public sealed record SimulationResult(long LinesDone, long Refused, IReadOnlyList<SimulationCell> Cells, IReadOnlyList<SimulationSegment> Segments);
