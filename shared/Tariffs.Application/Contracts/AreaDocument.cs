namespace Tariffs.Application.Contracts;

/// <summary>An area code as billing lines give it, and its display names by language tag.</summary>
public sealed class AreaDocument
{
    public string? Code { get; init; }
    public Dictionary<string, string>? Names { get; init; }
}
