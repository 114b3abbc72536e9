using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Application.Ports;
using Tariffs.Application.Catalog;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Records an eligibility flag or a revocation (a document with a top-level <c>revocationId</c>): validates it against
/// the <see cref="InputLimits"/> (its id, the household, a program some published catalog defines, dates in range and
/// in order, facts within bounds), stores it under its id — so a re-sent one changes nothing, and other content under a
/// stored id is refused as a conflict — and queues a recomputation of the household's lines already billed, which
/// turns a late grant into catch-up corrections. A refused document is stored as a rejection with its reason.
/// </summary>
public sealed partial class EligibilityFlagHandler(
    CatalogRepository catalogs,
    IEligibility store,
    IRejections rejections,
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
            using var document = JsonDocument.Parse(TariffsJson.WithoutByteOrderMark(json), TariffsJson.DocumentOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                errors.Add("$", "an eligibility flag or revocation is a JSON object");
            else if (document.RootElement.TryGetProperty("revocationId"u8, out _))
            {
                var revocation = document.RootElement.Deserialize<EligibilityRevocationMessage>(TariffsJson.Options);
                id = errors.Id(revocation?.RevocationId, "$.revocationId");
                household = errors.Id(revocation?.HouseholdId, "$.householdId");
                var programId = errors.Id(revocation?.Program, "$.program");
                var effective = errors.InRange(errors.Required(revocation?.EffectiveDate, "$.effectiveDate"), "$.effectiveDate");
                var decision = errors.InRange(errors.Required(revocation?.DecisionDate, "$.decisionDate"), "$.decisionDate");
                var agency = errors.Id(revocation?.SourceAgency, "$.sourceAgency");
                var program = errors.IsEmpty ? await KnownProgramAsync(programId, errors, cancellationToken).ConfigureAwait(false) : null;
                if (errors.IsEmpty)
                {
                    claim = await store.SaveRevocationAsync(household!, new StoredRevocation(program!, id!, effective!.Value, decision!.Value, clock.GetCurrentInstant()),
                        agency ?? "", cancellationToken).ConfigureAwait(false);
                    if (claim == IdClaim.Conflict)
                        errors.Add("$.revocationId", $"revocation id '{id}' was stored before with other content: an id names one decision; send a changed decision under a new id");
                }
            }
            else
            {
                var flag = document.RootElement.Deserialize<EligibilityFlagMessage>(TariffsJson.Options);
                id = errors.Id(flag?.FlagId, "$.flagId");
                household = errors.Id(flag?.HouseholdId, "$.householdId");
                var programId = errors.Id(flag?.Program, "$.program");
                var from = errors.InRange(errors.Required(errors.Required(flag?.Window, "$.window")?.From, "$.window.from"), "$.window.from");
                var to = errors.InRange(flag?.Window?.To, "$.window.to") ?? DateIntervals.OpenEnd;
                var decision = errors.InRange(errors.Required(flag?.DecisionDate, "$.decisionDate"), "$.decisionDate");
                if (from is { } f && to < f)
                    errors.Add("$.window", $"ends ({to:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
                var agency = errors.Id(flag?.SourceAgency, "$.sourceAgency");
                var evidence = errors.Text(flag?.EvidenceReference, "$.evidenceReference");
                if (flag?.Facts is { } facts)
                    CheckFacts(facts, errors);
                var program = errors.IsEmpty ? await KnownProgramAsync(programId, errors, cancellationToken).ConfigureAwait(false) : null;
                if (errors.IsEmpty)
                {
                    var window = new EligibilityWindow(program!, new DateInterval(from!.Value, to), decision!.Value, id!, Facts(flag!.Facts, decision.Value));
                    claim = await store.SaveWindowAsync(household!, window, agency ?? "", evidence ?? "", clock.GetCurrentInstant(), cancellationToken)
                        .ConfigureAwait(false);
                    if (claim == IdClaim.Conflict)
                        errors.Add("$.flagId", $"flag id '{id}' was stored before with other content: an id names one decision; send a changed decision under a new id");
                }
            }
        }
        catch (JsonException e)
        {
            errors.Add(e.Path ?? "$", $"not a readable eligibility flag or revocation: {TariffsJson.Reason(e)}");
        }
        catch (ArgumentException)
        {
            errors.Add("$", "not a readable eligibility flag or revocation: not valid Unicode text (a lone surrogate).");
        }

        if (!errors.IsEmpty)
        {
            var reason = errors.ToString();
            var conflict = claim == IdClaim.Conflict;
            // Each conflicting content gets its own rejection: the key of a refused document's id is kept by its first refusal.
            // An id out of its limits cannot key the rejection: the message id does.
            var key = conflict ? $"{id}|conflict|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}"
                : ValidationErrors.IsId(id) ? id! : messageId;
            await rejections.AddAsync([new Rejection(RejectionPartition, key, RejectionPartition, reason, json)], cancellationToken).ConfigureAwait(false);
            LogRefused(logger, key, reason);
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

    /// <summary>Household facts within the limits: dates in range, an income from 0 to 1,000,000,000, 1 to 99 persons.</summary>
    private static void CheckFacts(HouseholdFactsMessage facts, ValidationErrors errors)
    {
        errors.InRange(facts.AsOf, "$.facts.asOf");
        errors.InRange(facts.AnnualIncome, 0m, InputLimits.MaxAmount, "$.facts.annualIncome");
        errors.InRange(facts.IncomeReferenceYear, InputLimits.MinDate.Year, InputLimits.MaxDate.Year, "$.facts.incomeReferenceYear");
        errors.InRange(facts.Persons, InputLimits.MinPersons, InputLimits.MaxPersons, "$.facts.persons");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Eligibility {Id} stored; the household's billed lines are queued for recomputation")]
    private static partial void LogStored(ILogger logger, string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Eligibility {Id} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? id, string reason);
}
