using System.Collections.Concurrent;
using Microsoft.Azure.WebJobs.Extensions.Timers;

namespace Tariffs.LocalHost.Timers;

/// <summary>
/// Keeps each timer's last and next occurrence in memory, for the local host only.
/// </summary>
/// <remarks>
/// <para>
/// The timer extension (Microsoft.Azure.WebJobs.Extensions 3.0.6) registers a blob-backed <c>StorageScheduleMonitor</c>
/// whose constructor needs <c>DistributedLockManagerContainerProvider</c>, a type Microsoft.Azure.WebJobs.Host.Storage 5.x
/// no longer has; resolving it fails when the host starts. This monitor replaces it.
/// </para>
/// <para>
/// Being in memory, the status does not survive a restart: past-due detection (<c>TimerInfo.IsPastDue</c>) works within
/// one run of the process only, and a schedule missed while the host was down is not caught up. In Azure the
/// Functions host keeps the status in blob storage instead. The singleton lease that keeps two hosts from running the
/// same timer at once is separate from this and still uses blob storage (<c>AzureWebJobsStorage</c>).
/// </para>
/// </remarks>
public sealed class InMemoryScheduleMonitor : ScheduleMonitor
{
    private readonly ConcurrentDictionary<string, ScheduleStatus> _statuses = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override Task<ScheduleStatus> GetStatusAsync(string timerName)
    {
        ArgumentNullException.ThrowIfNull(timerName);
        // The extension treats null as "never ran" and computes the schedule from now.
        return Task.FromResult(_statuses.TryGetValue(timerName, out var status) ? Copy(status) : null!);
    }

    /// <inheritdoc />
    public override Task UpdateStatusAsync(string timerName, ScheduleStatus status)
    {
        ArgumentNullException.ThrowIfNull(timerName);
        ArgumentNullException.ThrowIfNull(status);
        _statuses[timerName] = Copy(status);
        return Task.CompletedTask;
    }

    private static ScheduleStatus Copy(ScheduleStatus status) =>
        new() { Last = status.Last, Next = status.Next, LastUpdated = status.LastUpdated };
}
