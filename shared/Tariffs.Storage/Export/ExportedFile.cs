namespace Tariffs.Storage.Export;

/// <summary>One file of an export, as its manifest lists it.</summary>
/// <param name="Path">Relative to the export's folder, with '/' separators.</param>
/// <param name="Kind"><c>table</c> (JSON Lines, one entity per line, <see cref="EntityJson"/>), <c>blob</c> (the blob's bytes as stored) or <c>rendering</c> (the ledger as CSV, the data dictionary: <see cref="LedgerCsv"/>; not imported).</param>
/// <param name="Name">The table's name, or the blob's container and name (<c>catalog/dunkerque/water.json</c>).</param>
/// <param name="Rows">Entities in a table file, data rows in a CSV file (informative: a quoted field may span lines); null for another file.</param>
/// <param name="Bytes">Size of the file.</param>
/// <param name="Sha256">SHA-256 of the file's bytes, lower-case hexadecimal.</param>
/// <param name="ContentType">A blob's content type, restored on import.</param>
public sealed record ExportedFile(string Path, string Kind, string Name, long? Rows, long Bytes, string Sha256, string? ContentType = null)
{
    /// <summary>The kind of a table file.</summary>
    public const string TableKind = "table";

    /// <summary>The kind of a blob file.</summary>
    public const string BlobKind = "blob";

    /// <summary>The kind of a file that renders exported tables in another open format, or documents the export: read by people and tools, not imported.</summary>
    public const string RenderingKind = "rendering";
}
