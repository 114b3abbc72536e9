using Tariffs.Storage.Export;
using Tariffs.Storage.Tables;

namespace Tariffs.Storage.Tests.Export;

/// <summary>The data dictionary of an export describes every table the service owns, the household facts among them.</summary>
public sealed class ExportTablesTests
{
    [Fact]
    public void Every_table_exported_is_described_and_nothing_else()
    {
        Assert.Equal(TableNames.All.Order(StringComparer.Ordinal), ExportTables.Descriptions.Keys.Order(StringComparer.Ordinal));
        Assert.All(TableNames.All, t => Assert.False(string.IsNullOrWhiteSpace(ExportTables.Descriptions[t])));
    }

    [Fact]
    public void The_dictionary_lists_the_household_facts_file_with_its_columns()
    {
        var files = TableNames.All.Select(t => new ExportedFile($"tables/{t}.jsonl", ExportedFile.TableKind, t, 0, 0, ""));

        var dictionary = LedgerCsv.Dictionary(files, 0);

        var row = Assert.Single(dictionary.Split('\n'), l => l.StartsWith("| `tables/householdfacts.jsonl` | table | 0 |", StringComparison.Ordinal));
        Assert.All(new[] { "`FactsId`", "`Facts`", "`SourceAgency`", "`EvidenceReference`", "`ReceivedAt`" }, column => Assert.Contains(column, row, StringComparison.Ordinal));
        Assert.Equal(5, System.Text.RegularExpressions.Regex.Count(row.TrimEnd('\r'), @"(?<!\\)\|")); // four cells: every '|' of a description escaped
    }
}
