using Azure;

namespace Tariffs.Storage.Catalog;

/// <summary>A stored catalog document: its blob name and the ETag of its current text (a new ETag on every replacement).</summary>
public readonly record struct CatalogBlob(string Name, ETag ETag);
