using Tariffs.Domain.Ledger;

namespace Tariffs.Application.Ports;

/// <summary>
/// One line as read from the ledger: decoded (<see cref="Line"/>), or the error that kept it from being decoded
/// (<see cref="Error"/>: a value no line can hold, an unknown currency), with where it is stored (<see cref="Address"/>,
/// opaque) and who it says it is about, as stored, so that a reader can leave it out and say which.
/// </summary>
public sealed record LedgerRead(IReadOnlyList<string> Address, string Authority, string Service, string HouseholdId, LedgerLine? Line, Exception? Error);
