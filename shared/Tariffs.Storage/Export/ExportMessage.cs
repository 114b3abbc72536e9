namespace Tariffs.Storage.Export;

/// <summary>The message of queue <c>exports</c> that runs (or resumes) export <paramref name="Id"/> (<see cref="ExportJobs"/>).</summary>
public sealed record ExportMessage(string Id);
