namespace Tariffs.Application.Ports;

/// <summary>One stored segment of a simulation's household sums: its chunk (shard), its number there and how many household rows it holds.</summary>
public sealed record SimulationSegment(int Shard, int Segment, int Households);
