using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Testing.Scenarios;
using Safeguarding.Rules.Testing.Tests.Support;

namespace Safeguarding.Rules.Testing.Tests.Scenarios;

/// <summary>The child-protection records of a scenario's <c>given</c> block (contract section 6): discussions, detentions and protections.</summary>
public sealed class ScenarioChildProtectionTests
{
    private const string Valid = """
        description: child protection
        asOf: 2018-05-10
        policy:
          childProtection: { strategyOutcomeWorkingDays: 2, appropriateAdultAlertMinutes: 90, nonWorkingDays: [2018-05-07] }
        given:
          discussions:
            - id: SD-1
              teamId: T-NORTH
              heldOn: 2018-05-04
              outcomeRecordedDaysAgo: 1
              actions:
                - { id: "1", owner: Police, dueOn: 2018-05-08 }
                - { id: "2", owner: SocialCare, dueDaysAgo: 3, completedOn: 2018-05-09 }
          detentions:
            - id: CUS-1
              custodySuiteId: CS-1
              juvenile: true
              authorisedAt: "2018-05-09T21:15:00+01:00"
              appropriateAdultArrivedAt: "2018-05-09T23:00Z"
              releasedAt: "2018-05-10T09:00:30.5+01:00"
              interviews:
                - { startedAt: "2018-05-10T08:00:00+01:00", appropriateAdultPresent: false, urgentInterviewAuthorised: true }
                - { startedAt: "2018-05-10T08:30:00+01:00", appropriateAdultPresent: true }
          protections:
            - { id: PP-1, teamId: T-SOUTH, startedAt: "2018-05-08T10:00Z", localAuthorityInformedAt: "2018-05-08T11:00Z", endedAt: "2018-05-09T10:00Z" }
            - { id: PP-2, startedAt: "2018-05-09T10:00:00-05:00" }
        expect:
          - { kind: AppropriateAdultDelayed, detention: CUS-1, authorisedAt: "2018-05-09T21:15:00+01:00", awaiting: false, escalateTo: Supervisor }
        """;

    [Fact]
    public void Parse_ChildProtectionRecords_BuildsTheSnapshotArrays()
    {
        var snapshot = Yaml.Valid(Valid).Snapshot;

        snapshot.StrategyDiscussions.Should().ContainSingle().Which.Should().BeEquivalentTo(new StrategyDiscussion
        {
            Id = "SD-1",
            TeamId = "T-NORTH",
            HeldOn = new DateOnly(2018, 5, 4),
            OutcomeRecordedOn = new DateOnly(2018, 5, 9),
            Actions =
            [
                new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 5, 8) },
                new StrategyAction { Id = "2", Owner = ActionOwner.SocialCare, DueOn = new DateOnly(2018, 5, 7), CompletedOn = new DateOnly(2018, 5, 9) },
            ],
        });
        var detention = snapshot.Detentions.Should().ContainSingle().Subject;
        detention.Should().BeEquivalentTo(new
        {
            Id = "CUS-1",
            CustodySuiteId = "CS-1",
            Juvenile = true,
            AuthorisedAt = new DateTimeOffset(2018, 5, 9, 21, 15, 0, TimeSpan.FromHours(1)),
            AppropriateAdultArrivedAt = new DateTimeOffset(2018, 5, 9, 23, 0, 0, TimeSpan.Zero),
            ReleasedAt = new DateTimeOffset(2018, 5, 10, 9, 0, 30, 500, TimeSpan.FromHours(1)),
        });
        detention.Interviews.Select(i => (i.StartedAt, i.AppropriateAdultPresent, i.UrgentInterviewAuthorised)).Should().Equal(
            (new DateTimeOffset(2018, 5, 10, 8, 0, 0, TimeSpan.FromHours(1)), false, true),
            (new DateTimeOffset(2018, 5, 10, 8, 30, 0, TimeSpan.FromHours(1)), true, false));
        snapshot.PoliceProtections.Select(p => (p.Id, p.TeamId, p.StartedAt, p.LocalAuthorityInformedAt, p.EndedAt)).Should().Equal(
            ("PP-1", "T-SOUTH", new DateTimeOffset(2018, 5, 8, 10, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 5, 8, 11, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 5, 9, 10, 0, 0, TimeSpan.Zero)),
            ("PP-2", null, new DateTimeOffset(2018, 5, 9, 10, 0, 0, TimeSpan.FromHours(-5)), null, null));
        snapshot.Teams!.Select(static t => t.Id).Should().Equal("T-NORTH", "T-SOUTH");
    }

    [Fact]
    public void Parse_ChildProtectionPolicy_IsSetLikeAnyOtherPolicyValue()
    {
        var policy = Yaml.Valid(Valid).Policy.ChildProtection;

        policy.StrategyOutcomeWorkingDays.Should().Be(2);
        policy.AppropriateAdultAlertMinutes.Should().Be(90);
        policy.AppropriateAdultInspectorMinutes.Should().Be(240);
        policy.NonWorkingDays.Should().Equal(new DateOnly(2018, 5, 7));
    }

    [Fact]
    public void Parse_InstantExpectation_IsKeptAsTheFindingsDocumentWritesIt()
    {
        var expectation = Yaml.Valid(Valid).Expectations.Single();

        expectation.Fields.Should().Contain("authorisedAt", "2018-05-09T20:15:00Z").And.Contain("awaiting", "false");
    }

    [Theory]
    [InlineData("heldOn: 2018-05-04", "heldOn: 2018-05-32", "given.discussions[0].heldOn", 9, "must be a real date written yyyy-MM-dd")]
    [InlineData("teamId: T-NORTH\n", "teamd: T-NORTH\n", "given.discussions[0].teamd", 8, "is not a field of a strategy discussion; did you mean teamId? expected id, teamId, heldDaysAgo, heldOn, outcomeRecordedDaysAgo, outcomeRecordedOn, actions")]
    [InlineData("owner: Police", "owner: Polise", "given.discussions[0].actions[0].owner", 12, "unknown value; expected Police, SocialCare, Health, Education or Other")]
    [InlineData("dueDaysAgo: 3, completedOn", "dueDaysAgo: 3, dueOn: 2018-05-01, completedOn", "given.discussions[0].actions[1].dueOn", 13, "cannot be given with dueDaysAgo: give the date one way")]
    [InlineData("juvenile: true", "juvenile: yes", "given.detentions[0].juvenile", 17, "must be true or false")]
    [InlineData("authorisedAt: \"2018-05-09T21:15:00+01:00\"\n", "authorisedAt: 2018-05-09T21:15:00\n", "given.detentions[0].authorisedAt", 18, "must be a date-time with an offset, e.g. 2018-05-01T09:00:00+01:00 or 2018-05-01T08:00Z")]
    [InlineData("urgentInterviewAuthorised: true", "urgentInterviewAuthorized: true", "given.detentions[0].interviews[0].urgentInterviewAuthorized", 22, "is not a field of an interview; did you mean urgentInterviewAuthorised? expected startedAt, appropriateAdultPresent, urgentInterviewAuthorised")]
    [InlineData("endedAt: \"2018-05-09T10:00Z\"", "endedAt: \"2018-05-09 10:00Z\"", "given.protections[0].endedAt", 25, "must be a date-time with an offset, e.g. 2018-05-01T09:00:00+01:00 or 2018-05-01T08:00Z")]
    [InlineData("nonWorkingDays: [2018-05-07]", "nonWorkingDays: [2018-05-77]", "policy.childProtection.nonWorkingDays[0]", 4, "")]
    [InlineData("protections:", "protectons:", "given.protectons", 24, "is not a field of given; did you mean protections? expected teams, managers, offenders, overrides, discussions, detentions, protections")]
    public void Parse_BadChildProtectionValue_NamesLineFieldAndProblem(string from, string to, string field, int line, string message)
    {
        Valid.Should().Contain(from);

        var loaded = Yaml.Parse(Valid.Replace(from, to));

        var problem = loaded.Problems.Should().ContainSingle().Subject;
        problem.Should().BeEquivalentTo(new { File = "test.yaml", Line = line, Field = field });
        if (message.Length > 0)
        {
            problem.Message.Should().Be(message);
        }
    }

    [Fact]
    public void Parse_ChildProtectionRecordsMissingRequiredFields_NamesEveryOne()
    {
        var loaded = Yaml.Parse("""
            description: missing
            asOf: 2018-05-01
            given:
              discussions: [ { teamId: T-1, actions: [ { id: "1" } ] } ]
              detentions: [ { id: CUS-1, interviews: [ {} ] } ]
              protections: [ { id: PP-1 } ]
            expect: []
            """);

        loaded.Problems.Select(static p => (p.Line, p.Field, p.Message)).Should().Equal(
            (4, "given.discussions[0].id", "is required"),
            (4, "given.discussions[0].heldDaysAgo", "is required (or heldOn, a yyyy-MM-dd date)"),
            (4, "given.discussions[0].actions[0].owner", "is required"),
            (4, "given.discussions[0].actions[0].dueDaysAgo", "is required (or dueOn, a yyyy-MM-dd date)"),
            (5, "given.detentions[0].custodySuiteId", "is required"),
            (5, "given.detentions[0].juvenile", "is required"),
            (5, "given.detentions[0].authorisedAt", "is required"),
            (5, "given.detentions[0].interviews[0].startedAt", "is required"),
            (5, "given.detentions[0].interviews[0].appropriateAdultPresent", "is required"),
            (6, "given.protections[0].startedAt", "is required"));
        loaded.Problems.Should().OnlyContain(static p => p.File == "test.yaml");
    }

    [Fact]
    public void Run_ScenarioOnTheAlertBoundary_FailsNamingTheDifferingField()
    {
        var scenario = Yaml.Valid("""
            description: 121 minutes, but 120 expected
            asOf: 2018-05-01
            given:
              detentions:
                - { id: CUS-121, custodySuiteId: CS-1, juvenile: true, authorisedAt: "2018-04-30T21:15:00+01:00", appropriateAdultArrivedAt: "2018-04-30T23:16:00+01:00" }
            expect:
              - { kind: AppropriateAdultDelayed, detention: CUS-121, minutesWaited: 120 }
            """);

        var result = new ScenarioRunner().Run(scenario);

        result.Outcome.Should().Be(ScenarioOutcome.Failed);
        result.ToString().Should().Contain("minutesWaited").And.Contain("121").And.Contain("120");
    }
}
