using NodaTime;
using Tariffs.Domain.Billing;

namespace Tariffs.Domain.Tests.Billing;

/// <summary>A billing line refuses what cannot be: fewer than one person, a negative consumption.</summary>
public class BillingLineTests
{
    private static readonly DateInterval Year = new(new LocalDate(2022, 1, 1), new LocalDate(2022, 12, 31));

    private static BillingLine Line(int persons = 4, decimal quantity = 120m, decimal billed = 137.60m) =>
        new(1, "hh-1", "acc-1", "59183-01", true, persons, Year, quantity, "m3", "DOM", billed);

    [Fact]
    public void One_person_and_no_consumption_are_allowed()
    {
        var line = Line(persons: 1, quantity: 0m);
        Assert.Equal(1, line.Persons);
        Assert.Equal(0m, line.Quantity);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Fewer_than_one_person_is_refused(int persons) =>
        Assert.Throws<ArgumentOutOfRangeException>("Persons", () => Line(persons: persons));

    [Fact]
    public void A_negative_consumption_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>("Quantity", () => Line(quantity: -0.001m));

    [Fact]
    public void A_negative_billed_amount_is_a_credit_note_and_allowed() =>
        Assert.Equal(-12.50m, Line(billed: -12.50m).BilledAmount);
}
