using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Application.Ports;
using Tariffs.Domain.Dates;
using Tariffs.Domain.Eligibility;

namespace Tariffs.Application.Eligibility;

/// <summary>
/// Records a statement of a household's facts (queue <c>household-facts</c>): validates it against the
/// <see cref="InputLimits"/>, stores it append-only under its facts id — a re-sent statement changes nothing, other
/// content under a stored id is refused as a conflict — and queues a recomputation of the household's lines already
/// billed, exactly as a late flag does: eligibility determined from the new facts turns into corrections. A refused
/// statement is stored as a rejection with its reason (partition <see cref="RejectionPartition"/>).
/// </summary>
public sealed partial class HouseholdFactsHandler(
    IHouseholdFacts store,
    IRejections rejections,
    RecomputeQueue recomputations,
    IClock clock,
    ILogger<HouseholdFactsHandler> logger)
{
    /// <summary>Partition of the rejections of facts statements.</summary>
    public const string RejectionPartition = "household-facts";

    /// <summary>The most benefits one statement lists.</summary>
    public const int MaxBenefits = 64;

    /// <summary>Handles one queue message; returns the reason when it is refused, null when stored.</summary>
    public async Task<string?> HandleAsync(string json, string messageId, CancellationToken cancellationToken) =>
        (await RecordAsync(json, messageId, cancellationToken).ConfigureAwait(false)).Refusal;

    /// <summary>
    /// Checks a statement before it is queued (HTTP): null when it can be queued, else the reason, stored as its
    /// rejection. <paramref name="householdId"/> is the household the statement was posted for: the body must name it.
    /// </summary>
    public async Task<string?> CheckAsync(string json, string householdId, string messageId, CancellationToken cancellationToken)
    {
        var (statement, errors) = Validate(json);
        if (statement is not null && statement.Value.HouseholdId != householdId)
            errors.Add("$.householdId", $"'{statement.Value.HouseholdId}' is not the household of the route ('{householdId}')");
        if (errors.IsEmpty)
            return null;
        return await RefuseAsync(json, messageId, statement?.Facts.FactsId, errors, conflict: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Handles one statement: stored, stored before with the same content (nothing changes), or refused with the reason — a conflict when its id holds other content.</summary>
    public async Task<EligibilityOutcome> RecordAsync(string json, string messageId, CancellationToken cancellationToken)
    {
        var (statement, errors) = Validate(json);
        if (statement is { } s)
        {
            if (await store.SaveAsync(s.HouseholdId, s.Facts, cancellationToken).ConfigureAwait(false) == IdClaim.Conflict)
            {
                errors.Add("$.factsId", $"facts id '{s.Facts.FactsId}' was stored before with other content: an id names one statement; send changed facts under a new id");
                return new EligibilityOutcome(await RefuseAsync(json, messageId, s.Facts.FactsId, errors, conflict: true, cancellationToken).ConfigureAwait(false), true);
            }
            // Also for a resend: the first delivery may have stopped before queueing it (a recomputation with nothing new writes nothing).
            await recomputations.EnqueueAsync(s.HouseholdId, $"facts {s.Facts.FactsId}", cancellationToken).ConfigureAwait(false);
            LogStored(logger, s.Facts.FactsId, s.HouseholdId);
            return new EligibilityOutcome(null);
        }
        return new EligibilityOutcome(await RefuseAsync(json, messageId, null, errors, conflict: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>The statement read and checked, or the errors that refuse it (the statement is null when there are any).</summary>
    private (( string HouseholdId, StoredFacts Facts)? Statement, ValidationErrors Errors) Validate(string json)
    {
        var errors = new ValidationErrors();
        var m = errors.Read<HouseholdFactsStatementMessage>(json, "household facts statement");
        if (!errors.IsEmpty)
            return (null, errors);
        var id = errors.Id(m?.FactsId, "$.factsId");
        var household = errors.Id(m?.HouseholdId, "$.householdId");
        var asOf = errors.InRange(errors.Required(m?.AsOf, "$.asOf"), "$.asOf");
        var agency = errors.Id(m?.SourceAgency, "$.sourceAgency");
        var evidence = errors.Text(m?.EvidenceReference, "$.evidenceReference");
        errors.InRange(m?.AnnualIncome, 0m, InputLimits.MaxAmount, "$.annualIncome");
        errors.InRange(m?.IncomeReferenceYear, InputLimits.MinDate.Year, InputLimits.MaxDate.Year, "$.incomeReferenceYear");
        errors.InRange(m?.Persons, InputLimits.MinPersons, InputLimits.MaxPersons, "$.persons");
        errors.InRange(m?.SharedCustodyChildren, 0, InputLimits.MaxPersons - 1, "$.sharedCustodyChildren");
        if (m?.Persons is { } persons && m.SharedCustodyChildren is { } shared && shared >= persons)
            errors.Add("$.sharedCustodyChildren", $"{shared} children in alternating custody are not fewer than the {persons} persons");
        errors.OptionalCode(m?.Tenure, "$.tenure");
        var benefits = new List<BenefitReceipt>();
        if (m?.Benefits is { } listed)
        {
            if (listed.Count > MaxBenefits)
                errors.Add("$.benefits", $"{listed.Count} benefits: at most {MaxBenefits}");
            for (var i = 0; i < listed.Count && i < MaxBenefits; i++)
            {
                var path = $"$.benefits[{i}]";
                var code = errors.Code(errors.Required(listed[i], path)?.Code, $"{path}.code");
                var from = errors.InRange(errors.Required(listed[i]?.From, $"{path}.from"), $"{path}.from");
                var to = errors.InRange(listed[i]?.To, $"{path}.to") ?? DateIntervals.OpenEnd;
                if (from is { } f && to < f)
                    errors.Add(path, $"ends ({to:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
                else if (code is not null && from is not null)
                    benefits.Add(new BenefitReceipt(code, new DateInterval(from.Value, to)));
            }
        }
        if (!errors.IsEmpty)
            return (null, errors);
        var facts = new HouseholdFacts(asOf!.Value, m!.AnnualIncome, m.IncomeReferenceYear, m.Persons, m.PensionersOnly, m.MedicalNeed, m.ChequeEnergieAttestation,
            m.SharedCustodyChildren, m.Benefits is null ? null : benefits, m.MainResidence, m.Tenure);
        return ((household!, new StoredFacts(id!, facts, agency!, evidence ?? "", clock.GetCurrentInstant())), errors);
    }

    /// <summary>Stores the refusal and returns its reason; keyed by the facts id (a conflict: id | conflict | SHA-256 of the document), or the message id when the id is unusable.</summary>
    private async Task<string> RefuseAsync(string json, string messageId, string? id, ValidationErrors errors, bool conflict, CancellationToken cancellationToken)
    {
        var reason = errors.ToString();
        id ??= ReadableId(json);
        var key = conflict ? $"{id}|conflict|{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)))}"
            : ValidationErrors.IsId(id) ? id! : messageId;
        await rejections.AddAsync([new Rejection(RejectionPartition, key, RejectionPartition, reason, json)], cancellationToken).ConfigureAwait(false);
        LogRefused(logger, key, reason);
        return reason;
    }

    private static string? ReadableId(string json) => Json.TopLevelFields.Read(json, "factsId") is [var id] ? id : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Facts {Id} of household {HouseholdId} stored; the household's billed lines are queued for recomputation")]
    private static partial void LogStored(ILogger logger, string id, string householdId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Facts {Id} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string? id, string reason);
}
