using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure.Data.Tables;
using Tariffs.Storage.Catalog;

namespace Tariffs.Storage.Export;

/// <summary>Reads the files of an export (<see cref="StorageExporter"/>) back, without any storage account: for the audit.</summary>
public static class ExportReader
{
    /// <summary>The rows of one table of the export, in the order stored (partition, then row key); a malformed line throws <see cref="InvalidDataException"/> naming it.</summary>
    public static IAsyncEnumerable<TableEntity> RowsAsync(string folder, string table, CancellationToken cancellationToken) =>
        ReadAsync(Path.Combine(folder, "tables", table + ".jsonl"), cancellationToken).Select(read => read.Row);

    /// <summary>The rows of a table file with the length of each one's JSON line.</summary>
    internal static async IAsyncEnumerable<(TableEntity Row, int Length)> ReadAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long lineNumber = 0;
        using var reader = new StreamReader(path);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            TableEntity row;
            try
            {
                using var document = JsonDocument.Parse(line);
                row = EntityJson.Read(document.RootElement);
            }
            catch (Exception e) when (e is JsonException or FormatException)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: {e.Message}", e);
            }
            yield return (row, line.Length);
        }
    }

    /// <summary>The text of every catalog document of the export (universal-service documents left out), by blob name.</summary>
    public static IEnumerable<(string Name, string Json)> CatalogDocuments(string folder)
    {
        var root = Path.Combine(folder, "blobs", CatalogDocumentStore.ContainerName);
        if (!Directory.Exists(root))
            yield break;
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!name.StartsWith(CatalogDocumentStore.UniversalPrefix, StringComparison.Ordinal))
                yield return (name, File.ReadAllText(path));
        }
    }
}
