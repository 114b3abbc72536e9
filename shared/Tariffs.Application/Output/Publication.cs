namespace Tariffs.Application.Output;

/// <summary>
/// Adjustments to publish for an operator, and what produced them (<see cref="Source"/>: a batch's chunk, or a
/// recomputation of a line), from which the deterministic delivery ids of its parts are made.
/// </summary>
public sealed record Publication(string Operator, string Authority, string Service, string BatchId, string Source, IReadOnlyList<PublishedAdjustment> Adjustments);
