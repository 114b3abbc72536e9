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
    [InlineData("-26.3249999999999999999999999988", -2633)] // 0.325 × 81 prorated over three segments: the noise is dropped
    [InlineData("26.324999999999", 2632)] // short of the half within the exact digits
    public void Rounds_half_away_from_zero_to_minor_units(string amount, long expected) =>
        Assert.Equal(expected, Currency.Eur.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Minor_units_read_back_with_two_decimals() =>
        Assert.Equal("3788.10", Currency.Eur.FromMinorUnits(378810).ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("EUR", 2)]
    [InlineData("JPY", 0)]
    [InlineData("CLF", 4)]
    public void Three_upper_case_letters_and_0_to_4_minor_digits_are_allowed(string code, int digits) =>
        Assert.Equal(code, new Currency(code, digits).Code);

    [Theory]
    [InlineData("eur")]
    [InlineData("EU")]
    [InlineData("EURO")]
    [InlineData("E1R")]
    [InlineData("ÉUR")]
    public void A_code_that_is_not_iso_4217_shaped_is_refused(string code) =>
        Assert.Throws<ArgumentException>("code", () => new Currency(code, 2));

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Minor_digits_outside_0_to_4_are_refused(int digits) =>
        Assert.Throws<ArgumentOutOfRangeException>("minorDigits", () => new Currency("EUR", digits));
}
