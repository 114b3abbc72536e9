using NodaTime;
using NodaTime.Text;

namespace Tariffs.Application.Ports;

/// <summary>Dates are stored as yyyy-MM-dd strings: readable, sortable, free of time zones.</summary>
public static class StoredDate
{
    public static string Format(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static LocalDate Parse(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();
}
