using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Azure.Storage.Queues.Models;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Tariffs.Application.Messages;
using Tariffs.Application.Reports;
using Tariffs.Domain.Reports;
using Tariffs.Functions.Authorization;
using Tariffs.Functions.Hosting;
using Tariffs.Storage.Queues;

namespace Tariffs.Functions.Reports;

/// <summary>Computes equity reports on a schedule and on demand, and publishes them over HTTP as JSON or CSV.</summary>
public sealed class EquityReportFunctions(EquityReportRefresh refresh, MessageGuard guard, EquityReportQuery query, AccessAuthorizer authorizer, IOptions<OpenDataOptions> openData)
{
    /// <summary>The JSON of the report rows, as ASP.NET Core writes an object result (web defaults).</summary>
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>Name of the app setting holding the NCRONTAB schedule (UTC) of the report computation.</summary>
    public const string ScheduleSetting = "EquityReportSchedule";

    /// <summary>
    /// On the schedule, queues one message per report unit written to or due since its last computation (periods end in
    /// the authority's time zone; see <see cref="EquityReportRefresh"/>), for <see cref="RefreshEquityReportUnit"/>.
    /// </summary>
    [Function(nameof(ComputeEquityReports))]
    public Task ComputeEquityReports([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken) =>
        refresh.EnqueueDueAsync(cancellationToken);

    /// <summary>Recomputes one report unit from its own rows (queue <c>report-units</c>).</summary>
    [Function(nameof(RefreshEquityReportUnit))]
    public Task RefreshEquityReportUnit([QueueTrigger(QueueNames.ReportUnits)] QueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToString();
        return guard.RunAsync(QueueNames.ReportUnits, message.MessageId, body, () => refresh.HandleMessageAsync(body, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Refreshes the report now, here: the units written to or due since their last computation; with
    /// <c>?mode=rebuild</c>, re-projects the whole ledger first and recomputes every unit (the migration of a deployment
    /// whose ledger predates the projection, or a repair). Regulator or operator.
    /// </summary>
    [Function(nameof(RecomputeEquityReports))]
    public async Task<IActionResult> RecomputeEquityReports(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reports/equity/recompute")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator, TariffsRoles.Operator);
        if (!access.Granted)
            return access.Denial;
        string? mode = request.Query["mode"];
        if (mode is not (null or "incremental" or "rebuild"))
            return Problem.InvalidQuery($"mode: '{mode}' is not 'incremental' or 'rebuild'.");
        var cells = mode == "rebuild" ? await refresh.RebuildAsync(cancellationToken) : await refresh.RefreshAsync(cancellationToken);
        return new OkObjectResult(new { cells });
    }

    /// <summary>
    /// Public equity report: the cells of closed periods, released once and frozen, suppressed; filters: period, service,
    /// area; JSON or CSV (<c>?format=csv</c> or <c>Accept: text/csv</c>); paged (<see cref="ReportPaging"/>).
    /// </summary>
    [Function(nameof(GetEquityReport))]
    public Task<IActionResult> GetEquityReport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "reports/equity")] HttpRequest request,
        CancellationToken cancellationToken) =>
        ReportAsync(request, EquityReportView.Public, null, cancellationToken);

    /// <summary>
    /// Every figure of the latest recompute (running periods and late rows included), with the reason of each
    /// suppression; regulator only, and only the cells of the authorities it regulates
    /// (<see cref="AccessRules.SeesUnsuppressedCell"/>). Each read is logged.
    /// </summary>
    [Function(nameof(GetUnsuppressedEquityReport))]
    public async Task<IActionResult> GetUnsuppressedEquityReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reports/equity/unsuppressed")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var access = await authorizer.AuthenticateAsync(request, TariffsRoles.Regulator);
        return access.Granted
            ? await ReportAsync(request, EquityReportView.Unsuppressed, access.Caller, cancellationToken)
            : access.Denial;
    }

    /// <summary>
    /// The data dictionary of the CSV (and of the JSON rows, whose fields have the same names): a Frictionless Table
    /// Schema generated from the declared cell fields, with definitions in English and French, the licences and the source.
    /// </summary>
    [Function(nameof(GetEquityReportSchema))]
    public IActionResult GetEquityReportSchema(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ReportDownload.SchemaRoute)] HttpRequest request)
    {
        var options = openData.Value;
        var licences = options.Licences.Keys.Select(options.LicenceOf).Prepend(options.LicenceOf(""));
        return new ContentResult
        {
            Content = EquityReportTableSchema.Build(licences, options.Source).ToJsonString(),
            ContentType = "application/json; charset=utf-8",
            StatusCode = StatusCodes.Status200OK,
        };
    }

    private async Task<IActionResult> ReportAsync(HttpRequest request, EquityReportView view, Caller? reader, CancellationToken cancellationToken)
    {
        string? period = request.Query["period"];
        if (period is not null && !ReportPeriod.TryParse(period, out _))
            return Problem.InvalidQuery($"period: '{period}' is not a year (2022), a quarter (2022-Q1) or a month (2022-01).");
        var csv = ReportFormat.WantsCsv(request, out var formatError);
        if (formatError is not null)
            return Problem.InvalidQuery(formatError);
        var (limit, after) = ReportPaging.Read(request, csv, out var pagingError);
        if (pagingError is not null)
            return Problem.InvalidQuery(pagingError);
        var rows = await query.GetAsync(period, request.Query["service"], request.Query["area"], view, cancellationToken);
        if (reader is not null)
            rows = rows.Where(r => AccessRules.SeesUnsuppressedCell(reader, r.Authority)).ToList();
        var (page, next) = ReportPaging.Take(rows, after, limit);
        if (reader is not null)
            await authorizer.RecordReadAsync(request, reader, $"equity report {request.QueryString.Value}", page.Select(r => r.Authority), cancellationToken);
        var response = request.HttpContext.Response;
        ReportDownload.Describe(response, page, openData.Value);
        var nextLink = next is null ? null : ReportPaging.NextLink(request, next);
        if (nextLink is not null)
            response.Headers.Link = $"{response.Headers.Link}, <{nextLink}>; rel=\"next\"";
        if (!csv)
            return ReportCaching.Respond(request, JsonSerializer.Serialize(page, WebJson), "application/json; charset=utf-8", view == EquityReportView.Public, nextLink);
        response.Headers.ContentDisposition =
            $"attachment; filename=\"{ReportDownload.FileName(period, request.Query["service"], request.Query["area"])}\"";
        return ReportCaching.Respond(request, EquityReportCsv.Write(page), EquityReportCsv.ContentType, view == EquityReportView.Public, nextLink);
    }
}
