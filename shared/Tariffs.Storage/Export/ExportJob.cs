namespace Tariffs.Storage.Export;

/// <summary>
/// A queued export (<see cref="ExportJobs"/>), as stored at <c>{id}/export.json</c> in container <c>exports</c>: who asked
/// and when, its state, and its progress — the steps done (each table, each blob, the renderings) with the files they
/// wrote, and how far the table being written got (<see cref="InProgress"/>). A redelivered message skips the steps done
/// and goes on with that table from its last block staged.
/// </summary>
/// <param name="Id">The export's id (32 hexadecimal digits).</param>
/// <param name="Authority">The authority the regulator named in the request, if any (the export holds every authority's data).</param>
/// <param name="RequestedBy">The caller who asked (for the access log).</param>
/// <param name="RequestedAt">When it was asked.</param>
public sealed record ExportJob(string Id, string? Authority, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>Waiting for its message to be handled.</summary>
    public const string Queued = "queued";

    /// <summary>Being written (or stopped mid-way, to be resumed by the next delivery of its message).</summary>
    public const string Running = "running";

    /// <summary>Every file and the manifest written.</summary>
    public const string Completed = "completed";

    /// <summary>Stopped for good after the message's last delivery failed (<see cref="Error"/>).</summary>
    public const string Failed = "failed";

    /// <summary><see cref="Queued"/>, <see cref="Running"/>, <see cref="Completed"/> or <see cref="Failed"/>.</summary>
    public string State { get; init; } = Queued;

    /// <summary>When the first delivery of its message started it.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the manifest was written.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Deliveries of its message that worked on it: more than one when it was resumed.</summary>
    public int Runs { get; init; }

    /// <summary>Messages waiting in the service's work queues when it started (see <see cref="ExportManifest.PendingMessages"/>).</summary>
    public IReadOnlyDictionary<string, int> PendingMessages { get; init; } = new Dictionary<string, int>();

    /// <summary>The steps done, in order: <c>table:{name}</c>, <c>blob:{path}</c>, <c>renderings</c>.</summary>
    public IReadOnlyList<string> StepsDone { get; init; } = [];

    /// <summary>The files written so far, in manifest order.</summary>
    public IReadOnlyList<ExportedFile> Files { get; init; } = [];

    /// <summary>The table being written, and how far it got; null between tables.</summary>
    public TableProgress? InProgress { get; init; }

    /// <summary>The last failure of a delivery, if one failed (a later delivery resumes the export and leaves it here).</summary>
    public string? Error { get; init; }

    /// <summary>Tables exported so far.</summary>
    public int TablesDone => Files.Count(f => f.Kind == ExportedFile.TableKind);

    /// <summary>Rows of the table files written so far, the table being written included.</summary>
    public long RowsWritten => Files.Where(f => f.Kind == ExportedFile.TableKind).Sum(f => f.Rows ?? 0) + (InProgress?.Rows ?? 0);
}
