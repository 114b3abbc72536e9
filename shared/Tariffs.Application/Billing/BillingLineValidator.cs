using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using NodaTime;
using Tariffs.Application.Contracts;
using Tariffs.Application.Intake;
using Tariffs.Application.Json;
using Tariffs.Domain.Billing;
using Tariffs.Application.Ports;

namespace Tariffs.Application.Billing;

/// <summary>
/// Checks one raw line of a batch on its own against the <see cref="InputLimits"/>: valid UTF-8, readable JSON of the
/// right types (strictly: exact names, numbers as numbers, no property twice), every required field, ids and codes of
/// 1 to 64 characters (an area other than the reserved <c>*</c>), a line number of 1 or more, 1 to 99 persons, a
/// quantity from 0 to 1,000,000,000, a billed amount within ±1,000,000,000, and a period within 1900-01-01 to
/// 2199-12-31 that does not end before it starts. A refused line says which field and why, and keeps its line number
/// whenever the number itself is readable.
/// </summary>
public static class BillingLineValidator
{
    /// <summary>The line, or the reasons it is refused.</summary>
    public static LineValidation Validate(JsonElement raw, int index)
    {
        var path = $"$.lines[{index}]";
        var utf8 = JsonMarshal.GetRawUtf8Value(raw);
        if (!Utf8.IsValid(utf8))
            return LineValidation.Refused(LineNumberReader.Read(utf8), $"{path}: not valid UTF-8 (an invalid byte sequence)");
        BillingLineMessage? m;
        try
        {
            m = raw.Deserialize<BillingLineMessage>(TariffsJson.Options);
        }
        catch (JsonException e)
        {
            return LineValidation.Refused(LineNumberReader.Read(utf8), $"{path}{e.Path?.TrimStart('$')}: {TariffsJson.Reason(e)}");
        }
        if (m is null)
            return LineValidation.Refused(null, $"{path}: a line is a JSON object");

        var errors = new ValidationErrors();
        // A number repeated in the batch refuses the batch (BatchScanner).
        var number = errors.InRange(errors.Required(m.LineNumber, $"{path}.lineNumber"), InputLimits.MinLineNumber, int.MaxValue, $"{path}.lineNumber");
        var household = errors.Id(m.HouseholdId, $"{path}.householdId");
        var account = errors.OptionalCode(m.AccountId, $"{path}.accountId");
        var area = errors.Code(m.Area, $"{path}.area");
        if (area == InputLimits.ReservedArea)
            errors.Add($"{path}.area", $"'{InputLimits.ReservedArea}' is reserved (an authority's total in reports)");
        var persons = errors.InRange(errors.Required(m.Persons, $"{path}.persons"), InputLimits.MinPersons, InputLimits.MaxPersons, $"{path}.persons");
        var from = errors.InRange(errors.Required(errors.Required(m.Period, $"{path}.period")?.From, $"{path}.period.from"), $"{path}.period.from");
        var to = m.Period is null ? null : errors.InRange(errors.Required(m.Period.To, $"{path}.period.to"), $"{path}.period.to");
        if (from is { } f && to is { } t && t < f)
            errors.Add($"{path}.period", $"ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
        var quantity = errors.InRange(errors.Required(errors.Required(m.Consumption, $"{path}.consumption")?.Quantity, $"{path}.consumption.quantity"),
            0m, InputLimits.MaxQuantity, $"{path}.consumption.quantity");
        var unit = m.Consumption is null ? null : errors.Code(m.Consumption.Unit, $"{path}.consumption.unit");
        var tariff = errors.Code(m.TariffCode, $"{path}.tariffCode");
        var billed = errors.InRange(errors.Required(m.BilledAmount, $"{path}.billedAmount"), InputLimits.MinAmount, InputLimits.MaxAmount, $"{path}.billedAmount");

        if (!errors.IsEmpty)
            return LineValidation.Refused(number is >= InputLimits.MinLineNumber ? number : null, errors.ToString());
        return LineValidation.Accepted(new BillingLine(
            number!.Value, household!, account ?? "", area!, m.MainResidence ?? true, persons!.Value,
            new DateInterval(from!.Value, to!.Value), quantity!.Value, unit!, tariff!, billed!.Value));
    }

    /// <summary>The line as text for a stored rejection, whatever its bytes (an invalid UTF-8 byte becomes U+FFFD), cut to what a rejection stores.</summary>
    public static string Excerpt(JsonElement raw)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(raw);
        return Rejection.Truncate(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4 * Rejection.MaxExcerpt)]), Rejection.MaxExcerpt);
    }
}
