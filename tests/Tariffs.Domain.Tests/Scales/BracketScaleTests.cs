using Tariffs.Domain.Scales;

namespace Tariffs.Domain.Tests.Scales;

/// <summary>Where a value exactly on a threshold falls: the bracket starting at it, or, with inclusive upper bounds, the one ending at it.</summary>
public class BracketScaleTests
{
    private static BracketScale<string> Scale(bool upperInclusive) =>
        new([new Bracket<string>(0m, "low"), new Bracket<string>(100m, "mid"), new Bracket<string>(200m, "high")], upperInclusive);

    [Theory]
    [InlineData(0, "low", "low")]
    [InlineData(99.99, "low", "low")]
    [InlineData(100, "mid", "low")]
    [InlineData(100.01, "mid", "mid")]
    [InlineData(200, "high", "mid")]
    [InlineData(200.01, "high", "high")]
    public void A_value_on_a_threshold(decimal value, string lowerInclusive, string upperInclusive)
    {
        Assert.Equal(lowerInclusive, Scale(false).Find(value)?.Value);
        Assert.Equal(upperInclusive, Scale(true).Find(value)?.Value);
    }

    [Fact]
    public void Below_the_first_bracket_there_is_none() => Assert.Null(Scale(true).Find(-0.01m));
}
