using System.Text.Json;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Application.Json;
using Tariffs.Domain.Billing;

namespace Tariffs.Application.Billing;

/// <summary>
/// Checks one raw line of a batch on its own: readable JSON of the right types, every required field,
/// a line number of 1 or more, at least one person, consumption not negative, a period that does
/// not end before it starts. A refused line says which field and why.
/// </summary>
public static class BillingLineValidator
{
    /// <summary>The line, or the reasons it is refused.</summary>
    public static LineValidation Validate(JsonElement raw, int index)
    {
        var path = $"$.lines[{index}]";
        BillingLineMessage? m;
        try
        {
            m = raw.Deserialize<BillingLineMessage>(TariffsJson.Options);
        }
        catch (JsonException e)
        {
            return LineValidation.Refused(null, $"{path}{e.Path?.TrimStart('$')}: {e.Message.Split(". ")[0]}.");
        }
        if (m is null)
            return LineValidation.Refused(null, $"{path}: a line is a JSON object");

        var errors = new ValidationErrors();
        var number = errors.Required(m.LineNumber, $"{path}.lineNumber");
        if (number is < 1)
            errors.Add($"{path}.lineNumber", "must be 1 or more"); // a number repeated in the batch refuses the batch (BatchScanner)
        var household = errors.Required(m.HouseholdId, $"{path}.householdId");
        var area = errors.Required(m.Area, $"{path}.area");
        var persons = errors.Required(m.Persons, $"{path}.persons");
        if (persons is < 1)
            errors.Add($"{path}.persons", "must be 1 or more");
        var from = errors.Required(errors.Required(m.Period, $"{path}.period")?.From, $"{path}.period.from");
        var to = m.Period is null ? null : errors.Required(m.Period.To, $"{path}.period.to");
        if (from is { } f && to is { } t && t < f)
            errors.Add($"{path}.period", $"ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
        var quantity = errors.Required(errors.Required(m.Consumption, $"{path}.consumption")?.Quantity, $"{path}.consumption.quantity");
        if (quantity < 0)
            errors.Add($"{path}.consumption.quantity", "must not be negative");
        var unit = m.Consumption is null ? null : errors.Required(m.Consumption.Unit, $"{path}.consumption.unit");
        var tariff = errors.Required(m.TariffCode, $"{path}.tariffCode");
        var billed = errors.Required(m.BilledAmount, $"{path}.billedAmount");

        if (!errors.IsEmpty)
            return LineValidation.Refused(number, errors.ToString());
        return LineValidation.Accepted(new BillingLine(
            number!.Value, household!, m.AccountId ?? "", area!, m.MainResidence ?? true, persons!.Value,
            new DateInterval(from!.Value, to!.Value), quantity!.Value, unit!, tariff!, billed!.Value));
    }
}

/// <summary>A validated line, or the line number (when readable) and the reason it was refused.</summary>
public sealed record LineValidation(BillingLine? Line, int? LineNumber, string? Reason)
{
    public static LineValidation Accepted(BillingLine line) => new(line, line.LineNumber, null);

    public static LineValidation Refused(int? lineNumber, string reason) => new(null, lineNumber, reason);
}
