using Tariffs.Application.Ports;
using Tariffs.Testing.InMemory;

namespace Tariffs.Application.Tests.Ports;

/// <summary>The ledger contract on the in-memory adapter the fast use-case tests use.</summary>
public sealed class InMemoryLedgerTests : LedgerContract
{
    protected override Task<ILedger> NewLedgerAsync() => Task.FromResult<ILedger>(new InMemoryLedger());
}
