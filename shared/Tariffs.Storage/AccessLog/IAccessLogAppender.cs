namespace Tariffs.Storage.AccessLog;

/// <summary>Appends to the access log (<see cref="AccessLogStore"/>; a test double in unit tests of the authorisation step).</summary>
public interface IAccessLogAppender
{
    /// <summary>Appends an entry at <see cref="AccessLogEntity.At"/>.</summary>
    Task AppendAsync(AccessLogEntity entry, CancellationToken cancellationToken);
}
