using System.Security.Cryptography;
using System.Text;
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
/// Records an eligibility flag or a revocation (a document with <c>revocationId</c>): validates it (its id,
/// the household, a program some published catalog defines, dates in order), stores it under its id — so a
/// re-sent one changes nothing, and other content under a stored id is refused as a conflict — and queues a recomputation of the household's lines already billed, which
/// turns a late grant into catch-up corrections. A refused document is stored as a rejection with its reason.
/// </summary>
public sealed partial class EligibilityFlagHandler(
    CatalogRepository catalogs,
    EligibilityStore store,
    RejectionStore rejections,
    RecomputeQueue recomputations,
    IClock clock,
    ILogger<EligibilityFlagHandler> logger)
{
    /// <summary>Partition of the rejections of flags and revocations.</summary>
    public const string RejectionPartition = "eligibility-flags";

    /// <summary>Handles one document; returns the reason when it is refused, null when stored.</summary>
    public async Task<string?> HandleAsync(string json, string messageId, CancellationToken cancellationToken) =>
        (await RecordAsync(json, messageId, cancellationToken).ConfigureAwait(false)).Refusal;

    /// <summary>
    /// Handles one document: stored, stored before with the same content (nothing changes), or refused with the reason
    /// — a conflict when its id holds other content.
    /// </summary>
    public async Task<EligibilityOutcome> RecordAsync(string json, string messageId, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        string? id = null;
        string? household = null;
        var claim = IdClaim.New;
        try
        {
            if (IsRevocation(json))
            {
                var revocation = JsonSerializer.Deserialize<EligibilityRevocationMessage>(json, TariffsJson.Options);
                id = errors.Required(revocation?.RevocationId, "$.revocationId");
                household = errors.Required(revocation?.HouseholdId, "$.householdId");
                var program = await KnownProgramAsync(errors.Required(revocation?.Program, "$.program"), errors, cancellationToken).ConfigureAwait(false);
                var effective = errors.Required(revocation?.EffectiveDate, "$.effectiveDate");
                var decision = errors.Required(revocation?.DecisionDate, "$.decisionDate");
                if (errors.IsEmpty)
                {
                    claim = await store.SaveRevocationAsync(household!, new StoredRevocation(program!, id!, effective!.Value, decision!.Value, clock.GetCurrentInstant()),
                        revocation!.SourceAgency ?? "", cancellationToken).ConfigureAwait(false);
                    if (claim == IdClaim.Conflict)
                        errors.Add("$.revocationId", $"revocation id '{id}' was stored before with other content: an id names one decision; send a changed decision under a new id");
                }
            }
            else
            {
                var flag = JsonSerializer.Deserialize<EligibilityFlagMessage>(json, TariffsJson.Options);
                if (flag is null)
                    errors.Add("$", "an eligibility flag is a JSON object");
                id = errors.Required(flag?.FlagId, "$.flagId");
                household = errors.Required(flag?.HouseholdId, "$.householdId");
                var from = errors.Required(errors.Required(flag?.Window, "$.window")?.From, "$.window.from");
                var to = flag?.Window?.To ?? DateIntervals.OpenEnd;
                var decision = errors.Required(flag?.DecisionDate, "$.decisionDate");
                if (from is { } f && to < f)
                    errors.Add("$.window", $"ends ({to:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
                var program = errors.IsEmpty ? await KnownProgramAsync(errors.Required(flag?.Program, "$.program"), errors, cancellationToken).ConfigureAwait(false) : null;
                if (errors.IsEmpty)
                {
                    var window = new EligibilityWindow(program!, new DateInterval(from!.Value, to), decision!.Value, id!, Facts(flag!.Facts, decision.Value));
                    claim = await store.SaveWindowAsync(household!, window, flag.SourceAgency ?? "", flag.EvidenceReference ?? "", clock.GetCurrentInstant(), cancellationToken)
                        .ConfigureAwait(false);
                    if (claim == IdClaim.Conflict)
                        errors.Add("$.flagId", $"flag id '{id}' was stored before with other content: an id names one decision; send a changed decision under a new id");
                }
            }
        }
        catch (JsonException e)
        {
            errors.Add(e.Path ?? "$", $"not a readable eligibility flag or revocation: {e.Message.Split(". ")[0]}.");
        }

        if (!errors.IsEmpty)
        {
            var reason = errors.ToString();
            var conflict = claim == IdClaim.Conflict;
            // Each conflicting content gets its own rejection: the key of a refused document's id is kept by its first refusal.
            var key = conflict ? $"{id}|conflict|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}" : id ?? messageId;
            await rejections.AddAsync([new Rejection(RejectionPartition, key, RejectionPartition, reason, json)], cancellationToken).ConfigureAwait(false);
            LogRefused(logger, id, reason);
            return new EligibilityOutcome(reason, conflict);
        }

        // Also for a resend: the first delivery may have stopped before queueing it (a recomputation with nothing new writes nothing).
        await recomputations.EnqueueAsync(household!, $"eligibility {id}", cancellationToken).ConfigureAwait(false);
        LogStored(logger, id!);
        return new EligibilityOutcome(null);
    }

    /// <summary>The household facts of a flag, as of their date (the decision date when the flag gives none).</summary>
    private static HouseholdFacts? Facts(HouseholdFactsMessage? facts, LocalDate decision) => facts is null ? null : new HouseholdFacts(
        facts.AsOf ?? decision, facts.AnnualIncome, facts.IncomeReferenceYear, facts.Persons, facts.PensionersOnly, facts.MedicalNeed, facts.ChequeEnergieAttestation);

    private async Task<string?> KnownProgramAsync(string? programId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (programId is null)
            return null;
        var known = (await catalogs.AllAsync(cancellationToken).ConfigureAwait(false)).SelectMany(c => c.Programs).Any(p => p.Id == programId);
        if (!known)
            errors.Add("$.program", $"no published catalog defines program '{programId}'");
        return programId;
    }

    private static bool IsRevocation(string json) => json.Contains("\"revocationId\"", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility {Id} stored; the household's billed lines are queued for recomputation")]
    private static partial void LogStored(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility {Id} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? id, string reason);
}
