namespace Tariffs.Application.Audit;

/// <summary>Totals of an audit: lines priced again, the rules' items compared, and the findings by kind.</summary>
public sealed record AuditSummary(long Lines, long Items, long Differences, long Withheld, long NotAudited)
{
    /// <summary>True when every line was priced again and no total differs but those withheld on purpose.</summary>
    public bool Clean => Differences == 0 && NotAudited == 0;
}
