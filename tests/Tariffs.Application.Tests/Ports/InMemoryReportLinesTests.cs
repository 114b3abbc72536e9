using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report lines contract on the in-memory adapter.</summary>
public sealed class InMemoryReportLinesTests : ReportLinesContract
{
    protected override Task<IReportLines> NewLinesAsync() => Task.FromResult<IReportLines>(new InMemoryReportLines());
}
