namespace Tariffs.Application.Ports;

/// <summary>A stored copy of projected lines (<see cref="IReportLines.CopiesAsync"/>): where it is, and the version it was read at.</summary>
/// <param name="Address">Its key in the store (for Table storage: PartitionKey, RowKey).</param>
/// <param name="Version">The store's version of it when read (an ETag): removing it succeeds only while it is unchanged.</param>
public sealed record StoredCopy(IReadOnlyList<string> Address, string Version);
