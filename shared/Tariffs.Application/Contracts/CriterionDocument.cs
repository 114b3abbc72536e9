namespace Tariffs.Application.Contracts;

/// <summary>
/// A program's eligibility criterion in a catalog document (schema: $defs/criterion): a kind, an id, and by kind
/// either parts (<c>all</c>, <c>any</c>) or dated versions; an income-vs-poverty criterion also has its dated
/// poverty guideline (and optionally the day of the year it is read on), an income-per-unit criterion its dated
/// unit weights.
/// </summary>
public sealed class CriterionDocument
{
    public string? Id { get; init; }
    public string? Kind { get; init; }
    /// <summary>all / any: the parts.</summary>
    public List<CriterionDocument>? Of { get; init; }
    /// <summary>The criterion's dated values (limit, threshold, benefits, residence, minimum persons).</summary>
    public List<CriterionVersionDocument>? Versions { get; init; }
    /// <summary>incomePovertyPercent: the poverty guideline's versions (bySize, perExtraPerson).</summary>
    public CriterionParameterDocument? Guideline { get; init; }
    /// <summary>incomePovertyPercent: "MM-dd", the day of the year the guideline is read on.</summary>
    public string? ReadOn { get; init; }
    /// <summary>incomePerUnit: the consumption unit weights' versions (personTable).</summary>
    public CriterionParameterDocument? UnitWeights { get; init; }
}

/// <summary>A parameter of a criterion dated apart from its versions (a poverty guideline, unit weights).</summary>
public sealed class CriterionParameterDocument
{
    public List<CriterionVersionDocument>? Versions { get; init; }
}

/// <summary>One dated version of a criterion's values; each kind reads its own fields and refuses the others.</summary>
public sealed class CriterionVersionDocument : IDatedDocument
{
    public NodaTime.LocalDate? EffectiveFrom { get; init; }
    public string? LegalReference { get; init; }
    public string? LegalUrl { get; init; }
    /// <summary>incomePovertyPercent: the percentage of the guideline.</summary>
    public decimal? Percent { get; init; }
    /// <summary>incomePovertyPercent, incomePerUnit: atMost, under, over, atLeast.</summary>
    public string? Comparison { get; init; }
    /// <summary>incomePovertyPercent: smaller households count as this size.</summary>
    public int? SizeAtLeast { get; init; }
    /// <summary>incomePerUnit: the threshold per consumption unit.</summary>
    public decimal? Threshold { get; init; }
    /// <summary>receivesBenefit: the benefit codes, any of which qualifies.</summary>
    public List<string>? Benefits { get; init; }
    /// <summary>residence: the supply must be the main residence.</summary>
    public bool? MainResidence { get; init; }
    /// <summary>residence: the tenures accepted.</summary>
    public List<string>? Tenures { get; init; }
    /// <summary>householdSize: the minimum number of persons.</summary>
    public int? MinimumPersons { get; init; }
    /// <summary>guideline: the annual amount for 1, 2, … persons.</summary>
    public List<decimal>? BySize { get; init; }
    /// <summary>guideline: the amount per person beyond the table.</summary>
    public decimal? PerExtraPerson { get; init; }
    /// <summary>unitWeights: first person, second person, each further person.</summary>
    public List<decimal>? PersonTable { get; init; }
}
