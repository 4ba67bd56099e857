using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Validation;

/// <summary>Contract section 8: the checks of <c>overrides[]</c>, some of which depend on the policy.</summary>
public sealed class OverrideValidationTests
{
    private static readonly DateOnly D = new(2018, 5, 1);

    private static Override Valid(string id = "OV-1") => new()
    {
        Id = id,
        FindingId = "VisitOverdue:RSO-1",
        ReasonCode = "IN_HOSPITAL",
        AuthorisedBy = "DS-4411",
        From = D.AddDays(-5),
        Until = D.AddDays(5),
    };

    private static IReadOnlyList<InputProblem> Problems(SafeguardingPolicy? policy, params Override[] overrides)
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = D,
            Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.High, RegisteredOn = D.AddDays(-1000) }],
            Overrides = overrides,
        };
        return new SafeguardingEngine().Evaluate(snapshot, new EvaluationOptions { Policy = policy, AllowPartialResults = true }).Problems;
    }

    private static IReadOnlyList<InputProblem> Problems(params Override[] overrides) => Problems(null, overrides);

    [Fact]
    public void Validate_ValidOverride_HasNoProblem() =>
        Problems(Valid()).Should().BeEmpty();

    [Fact]
    public void Validate_MalformedOverride_ItsOtherFieldsAreCheckedToo()
    {
        // Contract section 3: every problem is reported, not just the first. OV-1's from is no date, and its reasonCode is
        // free text and its kind one the default policy does not let be overridden; OV-2's authorisedBy is a number, and
        // its until is before its from.
        var json = """
            { "asOf": "2018-05-01",
              "offenders": [ { "id": "RSO-1", "riskLevel": "High", "registeredOn": "2015-01-01" } ],
              "overrides": [
                { "id": "OV-1", "findingId": "CaseloadCritical:OM-1", "reasonCode": "in hospital", "authorisedBy": "DS-1", "from": "2018-02-30", "until": "2018-05-15" },
                { "id": "OV-2", "findingId": "VisitOverdue:RSO-1", "reasonCode": "IN_HOSPITAL", "authorisedBy": 7, "from": "2018-05-15", "until": "2018-05-01" } ] }
            """u8;

        var problems = new SafeguardingEngine().Evaluate(SnapshotJson.Read(json), new EvaluationOptions { AllowPartialResults = true }).Problems;

        problems.Select(static p => (p.Array, p.Index, p.Field)).Should().BeEquivalentTo(new (string?, int?, string)[]
        {
            ("overrides", 0, "from"),
            ("overrides", 0, "findingId"),
            ("overrides", 0, "reasonCode"),
            ("overrides", 1, "authorisedBy"),
            ("overrides", 1, "until"),
        });
    }

    [Fact]
    public void Validate_UntilBeforeFrom_NamesUntil() =>
        Problems(Valid() with { From = D, Until = D.AddDays(-1) }).Should().ContainSingle()
            .Which.Should().Be(new InputProblem("overrides", 0, "OV-1", "until", "must not be before from"));

    [Fact]
    public void Validate_UntilOnFrom_IsOneDayAndValid() =>
        Problems(Valid() with { From = D, Until = D }).Should().BeEmpty();

    [Fact]
    public void Validate_MaxDaysCountedInclusively_AllowsExactlyMaxDays() =>
        Problems(Valid() with { From = D, Until = D.AddDays(89) }).Should().BeEmpty();

    [Fact]
    public void Validate_OneDayMoreThanMaxDays_NamesUntil() =>
        Problems(Valid() with { From = D, Until = D.AddDays(90) }).Should().ContainSingle()
            .Which.Should().Be(new InputProblem("overrides", 0, "OV-1", "until", "covers 91 days from from to until counted inclusively; overrides.maxDays allows at most 90"));

    [Fact]
    public void Validate_PolicyMaxDays_IsTheLimit()
    {
        var policy = new SafeguardingPolicy();
        policy.Overrides.MaxDays = 7;

        Problems(policy, Valid() with { From = D, Until = D.AddDays(6) }).Should().BeEmpty();
        Problems(policy, Valid() with { From = D, Until = D.AddDays(7) }).Should().ContainSingle().Which.Field.Should().Be("until");
    }

    [Theory]
    [InlineData("")]
    [InlineData("in_hospital")]
    [InlineData("IN HOSPITAL")]
    [InlineData("IN-HOSPITAL")]
    [InlineData("ÄRZTLICH")]
    public void Validate_ReasonCodeNotACode_NamesReasonCode(string code) =>
        Problems(Valid() with { ReasonCode = code }).Should().ContainSingle().Which.Field.Should().Be("reasonCode");

    [Fact]
    public void Validate_ReasonCodeOf64Characters_IsValidAnd65IsNot()
    {
        Problems(Valid() with { ReasonCode = new string('A', 63) + "9" }).Should().BeEmpty();
        Problems(Valid() with { ReasonCode = new string('A', 65) }).Should().ContainSingle().Which.Field.Should().Be("reasonCode");
    }

    [Theory]
    [InlineData("CaseloadAboveTarget:OM-1", "names a CaseloadAboveTarget finding, a kind")]
    [InlineData("UnitBacklog:T-1", "names a UnitBacklog finding, a kind")]
    [InlineData("DataQuality:offenders:#1", "names a DataQuality finding, a kind")]
    [InlineData("RSO-1", "does not start with a finding kind")]
    [InlineData("Visitoverdue:RSO-1", "does not start with a finding kind")]
    public void Validate_FindingIdOfAKindNotListed_NamesFindingId(string findingId, string start) =>
        Problems(Valid() with { FindingId = findingId }).Should().ContainSingle()
            .Which.Should().Match<InputProblem>(p => p.Field == "findingId" && p.Problem.StartsWith(start, StringComparison.Ordinal));

    [Fact]
    public void Validate_FindingIdNotStartingWithAKind_SaysWhichKindsItMayStartWith() =>
        Problems(Valid() with { FindingId = "RSO-1" }).Should().ContainSingle().Which.Problem.Should().Be(
            "does not start with a finding kind the policy's overrides.kinds lists (VisitOverdue, VisitDueSoon, RepeatedNoAccess, RiskReviewOverdue, NeighbourhoodNotBriefed)");

    [Theory]
    [InlineData("VisitOverdue:RSO-1")]
    [InlineData("VisitDueSoon:RSO-1")]
    [InlineData("RepeatedNoAccess:RSO-1")]
    [InlineData("RiskReviewOverdue:RSO-1")]
    [InlineData("NeighbourhoodNotBriefed:RSO-1:NPT-7")]
    [InlineData("VisitOverdue:RSO-NOT-IN-THE-SNAPSHOT")]
    public void Validate_FindingIdOfADefaultKind_IsValidWhateverItNames(string findingId) =>
        Problems(Valid() with { FindingId = findingId }).Should().BeEmpty();

    [Fact]
    public void Validate_DuplicateIds_RejectEveryOne()
    {
        var problems = Problems(Valid("OV-1"), Valid("OV-2"), Valid("OV-1"));

        problems.Should().HaveCount(2).And.OnlyContain(p => p.Array == "overrides" && p.Field == "id" && p.Id == "OV-1");
        problems.Select(p => p.Index).Should().Equal(0, 2);
    }

    [Fact]
    public void Validate_EmptyRequiredStrings_AreEachNamed()
    {
        var problems = Problems(Valid() with { Id = "", FindingId = "", AuthorisedBy = "" });

        problems.Select(p => p.Field).Should().BeEquivalentTo(["id", "findingId", "authorisedBy"]);
    }

    [Fact]
    public void Validate_OverrideProblems_FollowTheOtherArrays()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = D,
            Offenders = [new Offender { Id = "RSO-1", RiskLevel = RiskLevel.High, RegisteredOn = D.AddDays(-1000), VisitIntervalDays = 0 }],
            Overrides = [Valid() with { ReasonCode = "x" }],
        };

        var problems = new SafeguardingEngine().Evaluate(snapshot).Problems;

        problems.Select(p => p.Array).Should().Equal("offenders", "overrides");
    }
}
