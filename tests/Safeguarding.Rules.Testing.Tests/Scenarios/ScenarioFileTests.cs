using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

public sealed class ScenarioFileTests
{
    private const string Valid = """
        description: A High risk offender visited 99 days ago is 8 days overdue
        asOf: 2018-05-01
        policy:
          visitIntervalDays: { high: 91 }
        exhaustive: false
        given:
          teams: [T-1, T-2]
          managers: [ { id: OM-1, team: T-1, holding: 3 } ]
          offenders:
            - { id: RSO-1, risk: High, manager: OM-1, lastVisitedDaysAgo: 99, neighbourhood: NPT-1, movedInOn: 2018-01-02, briefedDaysAgo: 100 }
            - { id: RSO-2, risk: Low, registeredOn: 2017-01-01, riskAssessedDaysAgo: null, noAccessDaysAgo: [3, 2], inCustody: true }
        expect:
          - { kind: VisitOverdue, offender: RSO-1, dueOn: 2018-04-23, daysOverdue: 8, escalateTo: DetectiveInspector }
          - { kind: VisitDueSoon, none: true }
        """;

    [Fact]
    public void Parse_ValidScenario_ReadsEveryPart()
    {
        var scenario = Yaml.Valid(Valid);

        scenario.Name.Should().Be("test.yaml");
        scenario.Description.Should().Be("A High risk offender visited 99 days ago is 8 days overdue");
        scenario.AsOf.Should().Be(new DateOnly(2018, 5, 1));
        scenario.Exhaustive.Should().BeFalse();
        scenario.Policy.VisitIntervalDays.High.Should().Be(91);
        scenario.ExpectedKinds.Should().Equal(FindingKinds.VisitOverdue, FindingKinds.VisitDueSoon);
        scenario.Expectations[0].Should().BeEquivalentTo(new
        {
            Kind = FindingKinds.VisitOverdue,
            Fields = new Dictionary<string, string>
            {
                ["offenderId"] = "RSO-1",
                ["dueOn"] = "2018-04-23",
                ["daysOverdue"] = "8",
                ["escalateTo"] = "DetectiveInspector",
            },
            Line = 13,
        });
        scenario.Expectations[1].None.Should().BeTrue();
    }

    [Fact]
    public void Parse_ValidScenario_BuildsTheGivenFacts()
    {
        var snapshot = Yaml.Valid(Valid).Snapshot;
        var asOf = new DateOnly(2018, 5, 1);

        snapshot.Teams!.Select(t => t.Id).Should().Equal("T-1", "T-2");
        snapshot.Managers.Should().ContainSingle().Which.Should().Be(new Manager { Id = "OM-1", TeamId = "T-1" });
        snapshot.Offenders.Select(o => o.Id).Should().Equal("RSO-1", "RSO-2", "OM-1-H001", "OM-1-H002", "OM-1-H003");
        var rso1 = snapshot.Offenders[0];
        rso1.ManagerId.Should().Be("OM-1");
        rso1.RiskLevel.Should().Be(RiskLevel.High);
        rso1.RegisteredOn.Should().Be(asOf.AddDays(-1000));
        rso1.RiskAssessedOn.Should().Be(asOf.AddDays(-30));
        rso1.NeighbourhoodId.Should().Be("NPT-1");
        rso1.MovedIntoNeighbourhoodOn.Should().Be(new DateOnly(2018, 1, 2));
        var rso2 = snapshot.Offenders[1];
        rso2.ManagerId.Should().BeNull();
        rso2.RegisteredOn.Should().Be(new DateOnly(2017, 1, 1));
        rso2.RiskAssessedOn.Should().BeNull();
        rso2.InCustody.Should().BeTrue();
        snapshot.Visits.Where(v => v.OffenderId == "RSO-1").Should().ContainSingle()
            .Which.Should().Be(new Visit { OffenderId = "RSO-1", Date = asOf.AddDays(-99), Outcome = VisitOutcome.Completed });
        snapshot.Visits.Where(v => v.OffenderId == "RSO-2").Select(v => (v.Date, v.Outcome))
            .Should().Equal((asOf.AddDays(-3), VisitOutcome.NoAccess), (asOf.AddDays(-2), VisitOutcome.NoAccess));
        snapshot.Briefings.Should().ContainSingle()
            .Which.Should().Be(new Briefing { OffenderId = "RSO-1", NeighbourhoodId = "NPT-1", Date = asOf.AddDays(-100) });
    }

    [Fact]
    public void Parse_UnknownTopLevelField_NamesFileLineAndField()
    {
        var loaded = Yaml.Parse(Valid.Replace("exhaustive: false", "exhaustiv: false"));

        loaded.IsValid.Should().BeFalse();
        loaded.Scenario.Should().BeNull();
        loaded.Problems.Should().ContainSingle().Which.Should().Be(new ScenarioProblem(
            "test.yaml", 5, 1, "exhaustiv",
            "is not a field of a scenario; did you mean exhaustive? expected description, asOf, policy, exhaustive, allowPartialResults, given, expect"));
    }

    [Fact]
    public void Parse_MisspelledOffenderField_NamesTheFieldWithItsPath()
    {
        var loaded = Yaml.Parse(Valid.Replace("lastVisitedDaysAgo: 99", "lastVistedDaysAgo: 99"));

        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("given.offenders[0].lastVistedDaysAgo");
        problem.Line.Should().Be(10);
        problem.Column.Should().Be(47);
        problem.Message.Should().StartWith("is not a field of an offender; did you mean lastVisitedDaysAgo? expected id, risk, manager,");
        problem.ToString().Should().Be("test.yaml:10:47: given.offenders[0].lastVistedDaysAgo: " + problem.Message);
    }

    [Theory]
    [InlineData("risk: High", "risk: Hgh", "given.offenders[0].risk", 10, "unknown value; expected Low, Medium, High or VeryHigh")]
    [InlineData("asOf: 2018-05-01", "asOf: 2018-02-30", "asOf", 2, "must be a real date written yyyy-MM-dd")]
    [InlineData("holding: 3", "holding: three", "given.managers[0].holding", 8, "must be a whole number")]
    [InlineData("holding: 3", "holding: -1", "given.managers[0].holding", 8, "must be from 0 to 100000")]
    [InlineData("inCustody: true", "inCustody: yes", "given.offenders[1].inCustody", 11, "must be true or false")]
    [InlineData("kind: VisitOverdue", "kind: VisitOverdu", "expect[0].kind", 13, "is not a finding kind; expected one of VisitOverdue, VisitDueSoon, RepeatedNoAccess, ReactiveManagementIneligible, CaseloadAboveTarget, CaseloadCritical, Unallocated, UnitBacklog, RiskReviewOverdue, NeighbourhoodNotBriefed, StrategyOutcomeNotRecorded, StrategyActionOverdue, AppropriateAdultDelayed, InterviewWithoutAppropriateAdult, PoliceProtectionExceeded, LocalAuthorityNotInformed, DataQuality")]
    [InlineData("escalateTo: DetectiveInspector", "escalateTo: Inspector", "expect[0].escalateTo", 13, "unknown value; expected OffenderManager, Supervisor or DetectiveInspector")]
    [InlineData("daysOverdue: 8", "daysOverdue: 0", "expect[0].daysOverdue", 13, "must be at least 1")]
    [InlineData("{ kind: VisitDueSoon, none: true }", "{ kind: VisitDueSoon, daysOverdue: 3 }", "expect[1].daysOverdue", 14, "is not a field of VisitDueSoon findings; they have offender, manager, team, risk, dueOn, daysUntilDue")]
    [InlineData("{ kind: VisitDueSoon, none: true }", "{ kind: VisitDueSoon, none: true, offender: RSO-1 }", "expect[1].offender", 14, "cannot be given with none: true, which says there is no finding of the kind at all")]
    [InlineData("{ kind: VisitDueSoon, none: true }", "{ kind: VisitOverdue, none: true }", "expect[1].none", 14, "says there is no VisitOverdue finding, but the scenario also expects VisitOverdue findings; keep one or the other")]
    [InlineData("lastVisitedDaysAgo: 99,", "lastVisitedDaysAgo: 99, lastVisitedOn: 2018-01-01,", "given.offenders[0].lastVisitedOn", 10, "cannot be given with lastVisitedDaysAgo: give the date one way")]
    [InlineData("briefedDaysAgo: 100 }", "briefedDaysAgo: 100 }\n    - { id: RSO-3, risk: Low, briefedDaysAgo: 1 }", "given.offenders[1].briefed", 11, "needs neighbourhood: the briefing is about the offender's neighbourhood (or use briefings with a neighbourhood each)")]
    [InlineData("teams: [T-1, T-2]", "teams: { T-1: 1 }", "given.teams", 7, "must be a list (- item lines, or [a, b])")]
    public void Parse_BadValue_NamesLineFieldAndProblem(string from, string to, string field, int line, string message)
    {
        Valid.Should().Contain(from);

        var loaded = Yaml.Parse(Valid.Replace(from, to));

        loaded.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = "test.yaml", Line = line, Field = field, Message = message });
    }

    [Fact]
    public void Parse_FieldFarFromAnyKnownOne_SuggestsNothing()
    {
        var loaded = Yaml.Parse(Valid.Replace("exhaustive: false", "notes: hello"));

        loaded.Problems.Should().ContainSingle().Which.Message.Should().StartWith("is not a field of a scenario; expected description,");
    }

    [Fact]
    public void Parse_Problems_AreInFileOrder()
    {
        var loaded = Yaml.Parse(Valid.Replace("risk: High, manager: OM-1, lastVisitedDaysAgo: 99", "risk: Hgh, manager: OM-1, lastVistedDaysAgo: 99"));

        loaded.Problems.Select(p => (p.Line, p.Column, p.Field)).Should().Equal(
            (10, 26, "given.offenders[0].risk"),
            (10, 46, "given.offenders[0].lastVistedDaysAgo"));
    }

    [Fact]
    public void Parse_MissingRequiredFields_NamesEachOne()
    {
        var loaded = Yaml.Parse("""
            description: missing as-of, given and expect
            policy: {}
            """);

        loaded.Problems.Select(p => (p.Field, p.Message, p.Line)).Should().Equal(
            ("asOf", "is required", 1),
            ("given", "is required", 1),
            ("expect", "is required", 1));
    }

    [Fact]
    public void Parse_MissingOffenderIdAndRisk_NamesTheOffendersLine()
    {
        var loaded = Yaml.Parse(Valid.Replace("id: RSO-2, risk: Low, ", string.Empty));

        loaded.Problems.Select(p => (p.Field, p.Line)).Should().Equal(
            ("given.offenders[1].id", 11),
            ("given.offenders[1].risk", 11));
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEveryOne()
    {
        var yaml = Valid
            .Replace("risk: High", "risk: Hgh")
            .Replace("asOf: 2018-05-01", "asOf: 1 May 2018")
            .Replace("{ high: 91 }", "{ hgh: 91 }")
            .Replace("kind: VisitOverdue", "kind: Overdue");

        var loaded = Yaml.Parse(yaml);

        loaded.Problems.Select(p => p.Field).Should().BeEquivalentTo(
            "asOf", "policy.visitIntervalDays.hgh", "given.offenders[0].risk", "expect[0].kind");
        loaded.ToString().Split('\n').Should().HaveCount(4).And.AllSatisfy(line => line.Should().StartWith("test.yaml:"));
    }

    [Fact]
    public void Parse_UnknownPolicyProperty_NamesItsLineAndPath()
    {
        var loaded = Yaml.Parse(Valid.Replace("visitIntervalDays: { high: 91 }", "visitIntervalDays:\n    high: 91\n    hgh: 60"));

        loaded.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 6,
            Column = 5,
            Field = "policy.visitIntervalDays.hgh",
            Message = "is not a policy property; unknown properties are errors (check the spelling and the nesting)",
        });
    }

    [Fact]
    public void Parse_BadPolicyListItems_NameTheLineAndColumnOfEachItem()
    {
        var loaded = Yaml.Parse("""
            description: list items
            asOf: 2018-05-01
            policy:
              childProtection:
                nonWorkingDays:
                  - 2018-05-07
                  - 2018-05-77
              overrides:
                kinds:
                  - VisitOverdue
                  - DataQuality
            given:
              offenders: [ { id: RSO-1, risk: Low } ]
            expect: []
            """);

        loaded.Problems.Select(p => (p.Line, p.Column, p.Field)).Should().Equal(
            (7, 9, "policy.childProtection.nonWorkingDays[1]"),
            (11, 9, "policy.overrides.kinds[1]"));
    }

    [Fact]
    public void Parse_PolicyPercentMorePreciseThanItCanBeHeld_IsTheProblemOfAPolicyFileNotARoundedValue()
    {
        var loaded = Yaml.Parse(Valid.Replace("visitIntervalDays: { high: 91 }", "escalation: { unitBacklogPercent: 100.00000000000000000000000000001 }"));

        loaded.Problems.Should().ContainSingle().Which.Field.Should().Be("policy.escalation.unitBacklogPercent");
    }

    [Fact]
    public void Parse_ImpossiblePolicy_ReportsThePolicyFilesOwnProblem()
    {
        var loaded = Yaml.Parse(Valid.Replace("visitIntervalDays: { high: 91 }", "caseload: { target: 80, critical: 70 }"));

        loaded.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Line = 4,
            Field = "policy.caseload.critical",
            Message = "must be at least caseload.target (80); it is 70",
        });
    }

    [Fact]
    public void Parse_PolicyNull_IsAnErrorAsInAPolicyFile()
    {
        var loaded = Yaml.Parse(Valid.Replace("visitIntervalDays: { high: 91 }", "firstVisitDays: null"));

        loaded.Problems.Should().ContainSingle().Which.Field.Should().Be("policy.firstVisitDays");
    }

    [Fact]
    public void Parse_PolicyVersionThatLooksLikeANumber_IsTheVersionLabel()
    {
        var scenario = Yaml.Valid(Valid.Replace("visitIntervalDays: { high: 91 }", "version: 2026.1\n  escalation: { unitBacklogPercent: 2.5 }"));

        scenario.Policy.Version.Should().Be("2026.1");
        scenario.Policy.Escalation.UnitBacklogPercent.Should().Be(2.5m);
    }

    [Fact]
    public void Parse_NotYaml_NamesTheLineOfTheSyntaxError()
    {
        var loaded = Yaml.Parse("description: x\nasOf: 2018-05-01\ngiven: { managers: [\nexpect: []\n");

        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Field.Should().Be("$");
        problem.Message.Should().StartWith("is not valid YAML: ");
        problem.Line.Should().BeGreaterThan(2);
    }

    [Fact]
    public void Parse_DuplicateField_IsAProblem()
    {
        var loaded = Yaml.Parse(Valid.Replace("exhaustive: false", "exhaustive: false\nexhaustive: true"));

        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Line.Should().Be(6);
        problem.Message.Should().Contain("is not valid YAML");
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_EmptyFile_SaysSo(string yaml)
    {
        Yaml.Parse(yaml).Problems.Should().ContainSingle().Which.Should().Be(
            new ScenarioProblem("test.yaml", 1, 1, "$", "is empty: a scenario needs description, asOf, given and expect"));
    }

    [Fact]
    public void Parse_NotAMapping_SaysWhatItMustBe()
    {
        Yaml.Parse("- a\n- b\n").Problems.Should().ContainSingle().Which.Message.Should().Be("must be a scenario: a mapping of field: value");
    }

    [Fact]
    public void Load_File_NamesThePathGivenInProblems()
    {
        var path = Path.Combine(Path.GetTempPath(), "kit-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, Valid.Replace("risk: High", "risk: high"));
        try
        {
            var loaded = ScenarioFile.Load(path);

            loaded.Path.Should().Be(path);
            loaded.Problems.Should().ContainSingle().Which.File.Should().Be(path);
            loaded.ToString().Should().StartWith(path + ":10:");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_EveryExpectationField_IsRead()
    {
        var scenario = Yaml.Valid("""
            description: every field
            asOf: 2018-05-01
            given: {}
            expect:
              - { kind: NeighbourhoodNotBriefed, offender: O, manager: M, team: T, neighbourhood: N, since: 2018-01-01, rule: R, reasonContains: "x: y" }
              - { kind: UnitBacklog, team: T, overdueVisits: 2, caseload: 30 }
              - { kind: RepeatedNoAccess, risk: VeryHigh, noAccessVisits: 3 }
              - { kind: VisitDueSoon, daysUntilDue: 0, dueOn: 2018-05-01 }
              - { kind: DataQuality, index: 4 }
            """);

        scenario.Expectations.Select(e => e.ToString()).Should().Equal(
            "{ kind: NeighbourhoodNotBriefed, offender: O, manager: M, team: T, neighbourhood: N, since: 2018-01-01, rule: R, reasonContains: \"x: y\" }",
            "{ kind: UnitBacklog, team: T, caseload: 30, overdueVisits: 2 }",
            "{ kind: RepeatedNoAccess, risk: VeryHigh, noAccessVisits: 3 }",
            "{ kind: VisitDueSoon, dueOn: 2018-05-01, daysUntilDue: 0 }",
            "{ kind: DataQuality, index: 4 }");
    }

    [Fact]
    public void Parse_VisitsAndBriefingsLists_TakeDaysAgoOrADate()
    {
        var snapshot = Yaml.Valid("""
            description: lists
            asOf: 2018-05-01
            given:
              offenders:
                - id: RSO-1
                  risk: Low
                  neighbourhood: NPT-1
                  visits:
                    - { on: 2018-04-01, outcome: NoAccess }
                    - { daysAgo: 2, outcome: Completed }
                  briefings:
                    - { neighbourhood: NPT-9, on: 2018-03-01 }
                    - { neighbourhood: NPT-1, daysAgo: 5 }
            expect: []
            """).Snapshot;

        snapshot.Visits.Select(v => (v.Date, v.Outcome)).Should().Equal(
            (new DateOnly(2018, 4, 1), VisitOutcome.NoAccess), (new DateOnly(2018, 4, 29), VisitOutcome.Completed));
        snapshot.Briefings.Select(b => (b.NeighbourhoodId, b.Date)).Should().Equal(
            ("NPT-9", new DateOnly(2018, 3, 1)), ("NPT-1", new DateOnly(2018, 4, 26)));
    }

    [Fact]
    public void Parse_VisitWithoutDateOrOutcome_NamesBoth()
    {
        var loaded = Yaml.Parse("""
            description: lists
            asOf: 2018-05-01
            given:
              offenders:
                - { id: RSO-1, risk: Low, visits: [ { outcome: Completed }, { daysAgo: 3, outcome: Done } ] }
            expect: []
            """);

        loaded.Problems.Select(p => (p.Field, p.Message)).Should().Equal(
            ("given.offenders[0].visits[0].daysAgo", "is required (or on, a yyyy-MM-dd date)"),
            ("given.offenders[0].visits[1].outcome", "unknown value; expected Completed, NoAccess or Cancelled"));
    }
}
