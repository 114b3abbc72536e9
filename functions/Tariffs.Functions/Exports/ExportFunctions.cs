using Azure.Storage.Queues.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Tariffs.Application.Messages;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.Export;
using Tariffs.Storage.Tables;

namespace Tariffs.Functions.Exports;

/// <summary>
/// The export of the whole deployment, queued, for a regulator of every authority (<see cref="AccessRules.TakeExport"/>):
/// the same files as <c>tariffs export</c> written into container <c>exports</c> by queued work that resumes after the
/// last table or blob done (<see cref="ExportJobs"/>); its state and progress read back, and once completed its
/// manifest and each file, streamed — every download recorded in the access log.
/// </summary>
public sealed class ExportFunctions(ExportJobs jobs, MessageGuard guard, AccessAuthorizer authorizer)
{
    /// <summary>Largest request body read.</summary>
    public const int MaxRequestBytes = 4 * 1024;

    /// <summary>202 with Location <c>/api/exports/{id}</c>; 400 with every fault of the body.</summary>
    [Function(nameof(StartExport))]
    public async Task<IActionResult> StartExport(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "exports")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return access.Denial;
        var (body, problem) = await RequestBody.ReadAsync(request, MaxRequestBytes, "An export request", cancellationToken);
        if (problem is not null)
            return problem;
        var (export, errors) = ExportRequest.Read(body!);
        if (export is null)
            return Problem.Validation("The export request is invalid.", errors);
        if (AccessRules.TakeExport(access.Caller, export.Authority) is { Allowed: false } decision)
            return await authorizer.ForbidAsync(request, access.Caller, "export", decision.Reason, Authorities(export.Authority), cancellationToken);
        var job = await jobs.StartAsync(export.Authority, access.Caller.Id, cancellationToken);
        var location = Location(job.Id);
        return new AcceptedResult(location, new { id = job.Id, state = job.State, location });
    }

    /// <summary>The export's state and progress; once completed, its manifest with a link to each file. 404 for an unknown id.</summary>
    [Function(nameof(GetExport))]
    public async Task<IActionResult> GetExport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "exports/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var (_, job, denial) = await FindAsync(request, id, cancellationToken);
        if (denial is not null)
            return denial;
        var completed = job!.State == ExportJob.Completed;
        return new OkObjectResult(new
        {
            id = job.Id,
            state = job.State,
            authority = job.Authority,
            requestedAt = job.RequestedAt,
            startedAt = job.StartedAt,
            completedAt = job.CompletedAt,
            runs = job.Runs,
            progress = new { tablesDone = job.TablesDone, tablesTotal = TableNames.All.Count, rowsWritten = job.RowsWritten, filesDone = job.Files.Count },
            error = job.Error,
            manifest = completed
                ? new
                {
                    format = ExportManifest.CurrentFormat,
                    exportedAt = job.StartedAt,
                    href = FileLocation(job.Id, ExportManifest.FileName),
                    files = job.Files.Select(f => new { path = f.Path, kind = f.Kind, name = f.Name, rows = f.Rows, bytes = f.Bytes, sha256 = f.Sha256, href = FileLocation(job.Id, f.Path) }),
                    pendingMessages = job.PendingMessages,
                }
                : null,
        });
    }

    /// <summary>
    /// A file of a completed export (<c>{path}</c> as the manifest lists it, '/' escaped as <c>%2F</c>, or
    /// <c>manifest.json</c>), streamed; 404 when the export is unknown or not completed or lists no such file.
    /// </summary>
    [Function(nameof(GetExportFile))]
    public async Task<IActionResult> GetExportFile(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "exports/{id}/files/{path}")] HttpRequest request,
        string id,
        string path,
        CancellationToken cancellationToken)
    {
        var (caller, job, denial) = await FindAsync(request, id, cancellationToken);
        if (denial is not null)
            return denial;
        path = RawRouteValue.Segment(request, 1, path);
        if (await jobs.OpenFileAsync(id, path, cancellationToken) is not { } file)
            return Problem.NotFound($"Export '{id}' has no file '{path}' to download{(job!.State == ExportJob.Completed ? "" : $": it is {job.State}")}.");
        await authorizer.RecordReadAsync(request, caller!, $"export {id} file {path}", Authorities(job!.Authority), cancellationToken);
        return new FileStreamResult(file.Content, file.ContentType);
    }

    /// <summary>Runs or resumes an export (queue <c>exports</c>); on the message's last delivery a failure marks it failed.</summary>
    [Function(nameof(RunExport))]
    public Task RunExport([QueueTrigger(QueueNames.Exports)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.Exports, message.MessageId, body,
            () => jobs.HandleMessageAsync(body, guard.IsLastDelivery(message.DequeueCount), cancellationToken), cancellationToken);
    }

    /// <summary>The export, or the answer instead: 401/403 for a caller who may not take exports, 404 for an unknown id.</summary>
    private async Task<(Caller? Caller, ExportJob? Job, IActionResult? Denial)> FindAsync(HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        if (!access.Granted)
            return (null, null, access.Denial);
        if (AccessRules.TakeExport(access.Caller, null) is { Allowed: false } decision)
            return (access.Caller, null, await authorizer.ForbidAsync(request, access.Caller, $"export {id}", decision.Reason, [], cancellationToken));
        return await jobs.FindAsync(id, cancellationToken) is { } job
            ? (access.Caller, job, null)
            : (access.Caller, null, Problem.NotFound($"No export '{id}'."));
    }

    private static string[] Authorities(string? authority) => authority is null ? [] : [authority];

    private static string Location(string id) => $"/api/exports/{id}";

    private static string FileLocation(string id, string path) => $"{Location(id)}/files/{Uri.EscapeDataString(path)}";
}
