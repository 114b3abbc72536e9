using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;
using Tariffs.Storage.Eligibility;
using Tariffs.Storage.Rejections;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Records an eligibility flag: validates it (flag id, household, a program some published catalog
/// defines, a window that does not end before it starts, a decision date) and stores the window under
/// the flag id, so a re-sent flag changes nothing. A refused flag is stored as a rejection with its reason.
/// </summary>
public sealed partial class EligibilityFlagHandler(
    CatalogRepository catalogs,
    EligibilityStore store,
    RejectionStore rejections,
    ILogger<EligibilityFlagHandler> logger)
{
    /// <summary>Partition of the rejections of flags.</summary>
    public const string RejectionPartition = "eligibility-flags";

    /// <summary>Handles one flag document; returns the reason when it is refused, null when stored.</summary>
    public async Task<string?> HandleAsync(string json, string messageId, CancellationToken cancellationToken)
    {
        EligibilityFlagMessage? flag = null;
        var errors = new ValidationErrors();
        try
        {
            flag = JsonSerializer.Deserialize<EligibilityFlagMessage>(json, TariffsJson.Options);
            if (flag is null)
                errors.Add("$", "an eligibility flag is a JSON object");
        }
        catch (JsonException e)
        {
            errors.Add(e.Path ?? "$", $"not a readable eligibility flag: {e.Message.Split(". ")[0]}.");
        }

        var flagId = errors.Required(flag?.FlagId, "$.flagId");
        var household = errors.Required(flag?.HouseholdId, "$.householdId");
        var programId = errors.Required(flag?.Program, "$.program");
        var from = errors.Required(errors.Required(flag?.Window, "$.window")?.From, "$.window.from");
        var to = flag?.Window?.To ?? DateIntervals.OpenEnd;
        var decision = errors.Required(flag?.DecisionDate, "$.decisionDate");
        if (from is { } f && to < f)
            errors.Add("$.window", $"ends ({to:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
        if (programId is not null && errors.IsEmpty)
        {
            var known = (await catalogs.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => c.Programs).Any(p => p.Id == programId);
            if (!known)
                errors.Add("$.program", $"no published catalog defines program '{programId}'");
        }

        if (!errors.IsEmpty)
        {
            var reason = errors.ToString();
            await rejections.AddAsync([new Rejection(RejectionPartition, flagId ?? messageId, RejectionPartition, reason, json)], cancellationToken).ConfigureAwait(false);
            LogRefused(logger, flagId, reason);
            return reason;
        }

        var window = new EligibilityWindow(programId!, new DateInterval(from!.Value, to), decision!.Value, flagId!);
        await store.SaveAsync(household!, window, flag!.SourceAgency ?? "", flag.EvidenceReference ?? "", cancellationToken).ConfigureAwait(false);
        LogStored(logger, flagId!, programId!);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility flag {FlagId} stored for program {ProgramId}")]
    private static partial void LogStored(ILogger logger, string flagId, string programId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility flag {FlagId} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? flagId, string reason);
}
