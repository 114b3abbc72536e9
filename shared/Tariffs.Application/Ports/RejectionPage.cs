
namespace Tariffs.Application.Ports;

/// <summary>A page of a partition's rejections in key order, and the key after which the next page starts (null: no more).</summary>
public sealed record RejectionPage(IReadOnlyList<Rejection> Items, string? Next);
