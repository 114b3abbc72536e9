namespace Tariffs.Application.Ports;

/// <summary>
/// A stored catalog document: its name and the version of its current text (an opaque tag that changes on every
/// replacement: compare it for equality only).
/// </summary>
public readonly record struct CatalogBlob(string Name, string Version);
