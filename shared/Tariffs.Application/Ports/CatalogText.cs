namespace Tariffs.Application.Ports;

/// <summary>The text of a stored document and the version of that text (<see cref="CatalogBlob.Version"/>).</summary>
public sealed record CatalogText(string Json, string Version);
