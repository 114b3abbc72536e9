using Tariffs.Domain.Billing;

namespace Tariffs.Application.Billing;

/// <summary>A validated line, or the line number (when readable) and the reason it was refused.</summary>
public sealed record LineValidation(BillingLine? Line, int? LineNumber, string? Reason)
{
    public static LineValidation Accepted(BillingLine line) => new(line, line.LineNumber, null);

    public static LineValidation Refused(int? lineNumber, string reason) => new(null, lineNumber, reason);
}
