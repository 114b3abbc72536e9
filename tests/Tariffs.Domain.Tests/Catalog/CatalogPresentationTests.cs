using NodaTime;
using Tariffs.Domain.Catalog;

namespace Tariffs.Domain.Tests.Catalog;

public sealed class CatalogPresentationTests
{
    private static DisplayName Names(params (string Language, string Name)[] names) =>
        new(names.ToDictionary(n => n.Language, n => n.Name));

    [Fact]
    public void A_name_falls_back_to_english_then_to_none()
    {
        var both = Names(("fr", "Communauté urbaine de Dunkerque"), ("en", "Dunkirk Urban Community"));
        var frenchOnly = Names(("fr", "Rosendaël"));

        Assert.Equal("Communauté urbaine de Dunkerque", both.In("fr"));
        Assert.Equal("Dunkirk Urban Community", both.In("de"));
        Assert.Null(frenchOnly.In("en"));
    }

    [Fact]
    public void A_period_is_measured_against_the_target_in_force_on_its_last_day()
    {
        var plan = new LegalReference("plan");
        var targets = new Timeline<decimal>([
            new Dated<decimal>(new LocalDate(2020, 1, 1), plan, 0.6m),
            new Dated<decimal>(new LocalDate(2022, 7, 1), plan, 0.8m)]);
        var presentation = new CatalogPresentation(null, null, [], targets);

        Assert.Null(presentation.TakeUpTargetFor(new LocalDate(2019, 12, 31)));
        Assert.Equal(0.6m, presentation.TakeUpTargetFor(new LocalDate(2021, 12, 31))!.Value);
        Assert.Equal(0.8m, presentation.TakeUpTargetFor(new LocalDate(2022, 12, 31))!.Value);
    }

    [Fact]
    public void An_area_named_twice_or_a_blank_name_is_refused()
    {
        var area = new CatalogArea("59183-A", Names(("fr", "Malo-les-Bains")));

        Assert.Throws<ArgumentException>(() => new CatalogPresentation(null, null, [area, area with { }], null));
        Assert.Throws<ArgumentException>(() => Names(("fr", " ")));
        Assert.Throws<ArgumentException>(() => Names());
    }
}
