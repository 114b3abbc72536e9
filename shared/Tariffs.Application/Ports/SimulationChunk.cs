using Tariffs.Application.Simulations;

namespace Tariffs.Application.Ports;

/// <summary>
/// The result of one chunk (one ledger shard) of a simulation: lines done so far (priced or refused by the engine),
/// and once <see cref="Completed"/>, the sums of each household of the shard (<see cref="Households"/>, in
/// <see cref="Currency"/>). A household's lines are all in one shard, so chunks never share a household.
/// </summary>
public sealed record SimulationChunk(int Shard, long LinesDone, long Refused, bool Completed, string Currency, IReadOnlyList<HouseholdChange> Households);
