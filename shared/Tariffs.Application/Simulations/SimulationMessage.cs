namespace Tariffs.Application.Simulations;

/// <summary>
/// On queue <c>simulations</c>: count the lines of simulation <see cref="Id"/> and fan it out (<see cref="Shard"/>
/// null), or run its chunk of one ledger shard.
/// </summary>
public sealed record SimulationMessage(string Id, int? Shard);
