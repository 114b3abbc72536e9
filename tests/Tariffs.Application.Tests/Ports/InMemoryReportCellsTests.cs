using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report cells contract on the in-memory adapters.</summary>
public sealed class InMemoryReportCellsTests : ReportCellsContract
{
    protected override Task<(IReportCells Cells, IPublicReportCells Public)> NewStoresAsync() =>
        Task.FromResult<(IReportCells, IPublicReportCells)>((new InMemoryReportCells(), new InMemoryPublicReportCells()));
}
