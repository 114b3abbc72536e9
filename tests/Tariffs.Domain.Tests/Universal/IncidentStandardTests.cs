using Tariffs.Domain.Universal.Standards;

namespace Tariffs.Domain.Tests.Universal;

/// <summary>Guaranteed standards refuse what cannot be, on both sides of each boundary.</summary>
public class IncidentStandardTests
{
    [Fact]
    public void A_single_amount_or_an_amount_with_further_periods_of_an_hour_or_more_is_allowed()
    {
        Assert.Null(new IncidentStandard("missedAppointment", 0m, null, null).FurtherAmount);
        Assert.Equal(1, new IncidentStandard("supplyInterruption", 50m, 0m, 1).FurtherPeriodHours);
    }

    [Fact]
    public void A_negative_amount_a_further_period_under_an_hour_or_a_further_amount_without_its_period_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>("Amount", () => new IncidentStandard("supplyInterruption", -0.01m, null, null));
        Assert.Throws<ArgumentOutOfRangeException>("FurtherAmount", () => new IncidentStandard("supplyInterruption", 50m, -0.01m, 24));
        Assert.Throws<ArgumentOutOfRangeException>("FurtherPeriodHours", () => new IncidentStandard("supplyInterruption", 50m, 50m, 0));
        Assert.Throws<ArgumentException>("FurtherAmount", () => new IncidentStandard("supplyInterruption", 50m, 50m, null));
        Assert.Throws<ArgumentException>("FurtherAmount", () => new IncidentStandard("supplyInterruption", 50m, null, 24));
    }

    [Fact]
    public void A_late_payment_amount_of_zero_is_allowed_and_a_negative_one_refused()
    {
        Assert.Equal(0m, new StandardsVersion([], 0m).LatePaymentAmount);
        Assert.Throws<ArgumentOutOfRangeException>("LatePaymentAmount", () => new StandardsVersion([], -0.01m));
    }
}
