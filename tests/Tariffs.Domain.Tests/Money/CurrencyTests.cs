using Tariffs.Domain.Money;

namespace Tariffs.Domain.Tests.Money;

public class CurrencyTests
{
    [Theory]
    [InlineData("0.005", 1)]
    [InlineData("-0.005", -1)]
    [InlineData("0.0049999", 0)]
    [InlineData("12.345", 1235)]
    [InlineData("-12.345", -1235)]
    public void Rounds_half_away_from_zero_to_minor_units(string amount, long expected) =>
        Assert.Equal(expected, Currency.Eur.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Minor_units_read_back_with_two_decimals() =>
        Assert.Equal("3788.10", Currency.Eur.FromMinorUnits(378810).ToString(System.Globalization.CultureInfo.InvariantCulture));
}
