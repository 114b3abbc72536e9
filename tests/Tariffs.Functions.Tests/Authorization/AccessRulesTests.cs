using Tariffs.Functions.Authorization;

namespace Tariffs.Functions.Tests.Authorization;

/// <summary>The object-level rules: the role and the scope together, never one without the other.</summary>
public sealed class AccessRulesTests
{
    private static readonly Caller OpA = new("op-a", Roles(TariffsRoles.Operator), CallerScopes.From(operators: ["op-a"]));
    private static readonly Caller RegA = new("regulator-a", Roles(TariffsRoles.Regulator), CallerScopes.From(authorities: ["auth-a"], jurisdictions: ["FR"]));
    private static readonly Caller AgencyA = new("agency-a", Roles(TariffsRoles.SocialServices), CallerScopes.From(agencies: ["agency-a"]));
    private static readonly Caller AgencyAHousing = new("agency-a-housing", Roles(TariffsRoles.SocialServices), CallerScopes.From(agencies: ["agency-a"], programs: ["housing"]));
    private static readonly Caller Dev = new("dev", Roles(TariffsRoles.All.ToArray()), CallerScopes.Everything);

    [Theory]
    [InlineData("op-a", true)]
    [InlineData("op-b", false)]
    [InlineData("op-a ", false)]
    [InlineData("OP-A", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("*", false)]
    public void An_operator_posts_only_as_its_own_operator(string? batchOperator, bool allowed)
    {
        Assert.Equal(allowed, AccessRules.PostBatch(OpA, batchOperator).Allowed);
    }

    [Fact]
    public void An_operator_scope_without_the_operator_role_posts_nothing()
    {
        var regulatorWithOperatorScope = new Caller("x", Roles(TariffsRoles.Regulator), CallerScopes.From(operators: ["op-a"]));

        Assert.False(AccessRules.PostBatch(regulatorWithOperatorScope, "op-a").Allowed);
    }

    [Fact]
    public void The_wildcard_acts_for_every_operator_even_an_absent_one()
    {
        Assert.True(AccessRules.PostBatch(Dev, "anything").Allowed);
        Assert.True(AccessRules.PostBatch(Dev, null).Allowed);
    }

    [Theory]
    [InlineData("op-a", "auth-b", true, false)]
    [InlineData("op-b", "auth-a", false, true)]
    [InlineData("op-b", "auth-b", false, false)]
    [InlineData("op-a", "auth-a", true, true)]
    public void A_batch_is_read_by_its_operator_and_its_authoritys_regulator(string op, string authority, bool byOpA, bool byRegA)
    {
        Assert.Equal(byOpA, AccessRules.ReadBatch(OpA, op, authority).Allowed);
        Assert.Equal(byRegA, AccessRules.ReadBatch(RegA, op, authority).Allowed);
        Assert.False(AccessRules.ReadBatch(AgencyA, op, authority).Allowed);
    }

    [Fact]
    public void A_household_line_is_seen_by_its_operator_its_regulator_and_a_deciding_agency()
    {
        string[] none = [];
        Assert.True(AccessRules.SeesLine(OpA, "op-a", "auth-b", none));
        Assert.False(AccessRules.SeesLine(OpA, "op-b", "auth-a", none));
        Assert.True(AccessRules.SeesLine(RegA, "op-b", "auth-a", none));
        Assert.False(AccessRules.SeesLine(RegA, "op-a", "auth-b", none));
        Assert.False(AccessRules.SeesLine(AgencyA, "op-a", "auth-a", none));
        Assert.False(AccessRules.SeesLine(AgencyA, "op-a", "auth-a", ["agency-b"]));
        Assert.True(AccessRules.SeesLine(AgencyA, "op-b", "auth-b", ["agency-b", "agency-a"]));
        Assert.False(AccessRules.SeesLine(OpA, "op-b", "auth-b", ["op-a"]));
    }

    [Fact]
    public void A_household_is_acted_on_by_an_operator_that_billed_it_or_a_regulator_of_its_authority_or_jurisdiction()
    {
        (string, string)[] billedByB = [("op-b", "auth-b")];
        (string, string)[] billedByBoth = [("op-b", "auth-b"), ("op-a", "auth-b")];
        (string, string)[] nobody = [];

        Assert.False(AccessRules.ActOnHousehold(OpA, billedByB, "FR").Allowed);
        Assert.True(AccessRules.ActOnHousehold(OpA, billedByBoth, null).Allowed);
        Assert.False(AccessRules.ActOnHousehold(OpA, nobody, "FR").Allowed);
        Assert.False(AccessRules.ActOnHousehold(RegA, billedByB, "EW").Allowed);
        Assert.True(AccessRules.ActOnHousehold(RegA, billedByB, "FR").Allowed);
        Assert.True(AccessRules.ActOnHousehold(RegA, [("op-b", "auth-a")], null).Allowed);
        Assert.False(AccessRules.ActOnHousehold(AgencyA, billedByBoth, "FR").Allowed);
    }

    [Theory]
    [InlineData("agency-a", "housing", true, true)]
    [InlineData("agency-a", "energy", true, false)]
    [InlineData("agency-a", null, true, false)]
    [InlineData("agency-b", "housing", false, false)]
    public void A_flag_comes_from_the_callers_agency_and_programs(string agency, string? program, bool byAgencyA, bool byHousingDesk)
    {
        Assert.Equal(byAgencyA, AccessRules.PostEligibility(AgencyA, agency, program).Allowed);
        Assert.Equal(byHousingDesk, AccessRules.PostEligibility(AgencyAHousing, agency, program).Allowed);
        Assert.False(AccessRules.PostEligibility(OpA, agency, program).Allowed);
    }

    [Fact]
    public void Documents_are_published_by_the_regulator_of_their_authority_or_jurisdiction()
    {
        Assert.True(AccessRules.PublishForAuthority(RegA, "auth-a").Allowed);
        Assert.False(AccessRules.PublishForAuthority(RegA, "auth-b").Allowed);
        Assert.False(AccessRules.PublishForAuthority(OpA, "auth-a").Allowed);
        Assert.True(AccessRules.PublishForJurisdiction(RegA, "FR").Allowed);
        Assert.False(AccessRules.PublishForJurisdiction(RegA, "EW").Allowed);
        Assert.False(AccessRules.PublishForJurisdiction(RegA, "auth-a").Allowed);
    }

    [Fact]
    public void Unsuppressed_cells_and_log_entries_are_the_regulators_own()
    {
        Assert.True(AccessRules.SeesUnsuppressedCell(RegA, "auth-a"));
        Assert.False(AccessRules.SeesUnsuppressedCell(RegA, "auth-b"));
        Assert.True(AccessRules.SeesLogEntry(RegA, ["auth-b", "auth-a"]));
        Assert.False(AccessRules.SeesLogEntry(RegA, ["auth-b"]));
        Assert.True(AccessRules.SeesLogEntry(RegA, []));
        Assert.False(AccessRules.SeesLogEntry(OpA, []));
    }

    [Fact]
    public void A_denial_says_why()
    {
        Assert.Equal("the batch's operator 'op-b' is not one this caller may act for", AccessRules.PostBatch(OpA, "op-b").Reason);
    }

    private static HashSet<string> Roles(params string[] roles) => roles.ToHashSet(StringComparer.Ordinal);
}
