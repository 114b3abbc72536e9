using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The report units contract on the in-memory adapter.</summary>
public sealed class InMemoryReportUnitsTests : ReportUnitsContract
{
    protected override Task<IReportUnits> NewUnitsAsync() => Task.FromResult<IReportUnits>(new InMemoryReportUnits());
}
