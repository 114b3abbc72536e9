using Tariffs.Domain.Eligibility;

namespace Tariffs.Domain.Universal.Restrictions;

/// <summary>
/// Decides a restriction request against the rules of a jurisdiction: the first rule of the version in force
/// on the request's date that matches decides; when none matches the action is allowed under the version's
/// legal reference (rule id <see cref="DefaultRuleId"/>). Pure.
/// </summary>
public static class RestrictionGuard
{
    /// <summary>The rule id of the answer when no rule matches.</summary>
    public const string DefaultRuleId = "no-protection-applies";

    /// <summary>Decides one request; throws when no version of the rules is in force on its date.</summary>
    public static RestrictionDecision Decide(RestrictionRequest request, RestrictionRules rules)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(rules);
        var version = rules.Versions.At(request.Date)
            ?? throw new ArgumentException($"No restriction rules of {rules.Jurisdiction} are in force on {request.Date:yyyy-MM-dd}.", nameof(request));
        var unknown = new List<string>();
        foreach (var rule in version.Value)
        {
            if (!Matches(rule, request, unknown))
                continue;
            var limit = rule.Verdict == RestrictionVerdict.AllowedWithLimit ? $" up to {rule.Limit}" : "";
            var season = rule.Season is null ? "" : $" from {rule.Season.From:MM-dd} to {rule.Season.To:MM-dd}";
            var condition = rule.When is { } when ? $" for a household with {when}" : "";
            return new RestrictionDecision(rule.Verdict, rule.Verdict == RestrictionVerdict.AllowedWithLimit ? rule.Limit : null, rule.Id, version.Version, rule.Legal,
                $"{request.Action} of {request.Service} ({Dwelling(request)}) on {request.Date:yyyy-MM-dd}: {rule.Verdict}{limit} under rule {rule.Id}{season}{condition}");
        }
        var missing = unknown.Count > 0 ? $"; not established: {string.Join(", ", unknown.Distinct())}" : "";
        return new RestrictionDecision(RestrictionVerdict.Allowed, null, DefaultRuleId, version.Version, version.Legal,
            $"{request.Action} of {request.Service} ({Dwelling(request)}) on {request.Date:yyyy-MM-dd}: no protection of {rules.Jurisdiction} applies ({DefaultRuleId}){missing}");
    }

    private static string Dwelling(RestrictionRequest request) => request.MainResidence ? "main residence" : "second home";

    private static bool Matches(RestrictionRule rule, RestrictionRequest request, List<string> unknown)
    {
        if (!rule.Services.Contains(request.Service, StringComparer.OrdinalIgnoreCase) || !rule.Actions.Contains(request.Action))
            return false;
        if (rule.Residence == Residence.Main && !request.MainResidence || rule.Residence == Residence.Secondary && request.MainResidence)
            return false;
        if (rule.Season is { } season && !season.Contains(request.Date))
            return false;
        if (rule.When is not { } condition)
            return true;
        var fact = Fact(request.Facts, condition);
        if (fact is null)
            unknown.Add(condition.ToString());
        return fact == true;
    }

    private static bool? Fact(HouseholdFacts? facts, HouseholdCondition condition) => condition switch
    {
        HouseholdCondition.PensionersOnly => facts?.PensionersOnly,
        HouseholdCondition.ChequeEnergieAttestation => facts?.ChequeEnergieAttestation,
        _ => facts?.MedicalNeed,
    };
}
