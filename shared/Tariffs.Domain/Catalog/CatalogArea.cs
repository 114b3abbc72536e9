namespace Tariffs.Domain.Catalog;

/// <summary>An area of the authority as billing lines give it (<paramref name="Code"/>), with its public names.</summary>
public sealed record CatalogArea(string Code, DisplayName Names)
{
    /// <summary>The area's code, as on billing lines and in the report; not blank.</summary>
    public string Code { get; } = string.IsNullOrWhiteSpace(Code) ? throw new ArgumentException("An area has a code.", nameof(Code)) : Code;

    /// <summary>The area's names by language.</summary>
    public DisplayName Names { get; } = Names ?? throw new ArgumentNullException(nameof(Names));
}
