using System.Text.Json.Nodes;
using NodaTime;
using Tariffs.Application.Catalog;
using Tariffs.Testing;

namespace Tariffs.Application.Tests.Catalog;

/// <summary>Display names and the take-up target of a catalog document: read from the sample, refused when malformed.</summary>
public sealed class CatalogPresentationReaderTests
{
    private static readonly string SampleJson =
        File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "samples", "catalog-dunkerque-water.json"));

    private static JsonObject Sample() => JsonNode.Parse(SampleJson)!.AsObject();

    [Fact]
    public void The_sample_names_its_authority_service_and_areas_in_french_and_english()
    {
        var presentation = CatalogDocumentReader.Read(SampleJson).Catalog!.Presentation;

        Assert.Equal("Communauté urbaine de Dunkerque", presentation.AuthorityNames!.In("fr"));
        Assert.Equal("Dunkirk Urban Community", presentation.AuthorityNames.In("en"));
        Assert.Equal("eau potable", presentation.ServiceNames!.In("fr"));
        Assert.Equal("Malo-les-Bains", presentation.AreaName("59183-A", "fr"));
        Assert.Equal("Rosendaël", presentation.AreaName("59183-B", "en"));
        Assert.Null(presentation.AreaName("59183-Z", "fr"));
    }

    [Fact]
    public void The_sample_target_is_in_force_from_2022_with_its_source()
    {
        var presentation = CatalogDocumentReader.Read(SampleJson).Catalog!.Presentation;

        Assert.Null(presentation.TakeUpTargetFor(new LocalDate(2021, 12, 31)));
        var target = presentation.TakeUpTargetFor(new LocalDate(2022, 12, 31))!;
        Assert.Equal(0.8m, target.Value);
        Assert.Equal(new LocalDate(2022, 1, 1), target.EffectiveFrom);
        Assert.Contains("objectif de recours", target.Legal.Citation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_without_names_or_target_reads_and_presents_nothing()
    {
        var json = Sample();
        foreach (var name in new[] { "authorityNames", "serviceNames", "areas", "takeUpTarget" })
            json.Remove(name);

        var presentation = CatalogDocumentReader.Read(json.ToJsonString()).Catalog!.Presentation;

        Assert.Null(presentation.AuthorityNames);
        Assert.Empty(presentation.Areas);
        Assert.Null(presentation.TakeUpTargetFor(new LocalDate(2030, 1, 1)));
    }

    [Theory]
    [InlineData("$.takeUpTarget.versions[0].rate", 1.2, "$.takeUpTarget.versions[0].rate: a share of eligible households")]
    [InlineData("$.takeUpTarget.versions[0].rate", 0, "$.takeUpTarget.versions[0].rate: a share of eligible households")]
    [InlineData("$.areas[1].code", "59183-A", "$.areas[1].code: area '59183-A' is named twice")]
    [InlineData("$.areas[1].code", "*", "$.areas[1].code: '*' is reserved")]
    [InlineData("$.areas[0].names.fr", " ", "$.areas[0].names.fr: a name, not blank")]
    [InlineData("$.authorityNames.FR", "Dunkerque", "$.authorityNames.FR: a language tag")]
    public void A_bad_name_or_target_is_refused_at_its_path(string path, object value, string expected)
    {
        var json = Sample();
        Set(json, path, value switch { string s => JsonValue.Create(s), double d => JsonValue.Create(d), int i => JsonValue.Create(i), _ => null });

        var result = CatalogDocumentReader.Read(json.ToJsonString());

        Assert.Null(result.Catalog);
        Assert.Contains(result.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_target_version_without_its_source_or_an_area_without_names_is_refused()
    {
        var json = Sample();
        json["takeUpTarget"]!["versions"]![0]!.AsObject().Remove("legalReference");
        json["areas"]![0]!.AsObject().Remove("names");

        var result = CatalogDocumentReader.Read(json.ToJsonString());

        Assert.Contains("$.takeUpTarget.versions[0].legalReference: required", result.Errors);
        Assert.Contains("$.areas[0].names: required", result.Errors);
    }

    /// <summary>Sets the member at a simple path ($.a.b[0].c) to <paramref name="value"/>.</summary>
    private static void Set(JsonObject root, string path, JsonNode? value)
    {
        JsonNode node = root;
        var steps = path[2..].Replace("[", ".[", StringComparison.Ordinal).Split('.');
        for (var i = 0; i < steps.Length - 1; i++)
            node = steps[i].StartsWith('[') ? node[int.Parse(steps[i][1..^1], System.Globalization.CultureInfo.InvariantCulture)]! : node[steps[i]]!;
        node[steps[^1]] = value;
    }
}
