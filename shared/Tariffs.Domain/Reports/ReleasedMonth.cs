namespace Tariffs.Domain.Reports;

/// <summary>One month of one service and authority, the unit of public release (<see cref="ReleaseCutoffs"/>).</summary>
/// <param name="Service">The service.</param>
/// <param name="Authority">The authority.</param>
/// <param name="Month">The month, "2022-01".</param>
public readonly record struct ReleasedMonth(string Service, string Authority, string Month);
