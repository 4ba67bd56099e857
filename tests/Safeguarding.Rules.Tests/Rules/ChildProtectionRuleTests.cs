using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Rules;

/// <summary>Contract section 6's rules at their boundaries, read as the policy sentences they check.</summary>
public sealed class ChildProtectionRuleTests
{
    private static readonly SafeguardingEngine Engine = new();
    private static readonly DateTimeOffset Authorised = new(2018, 4, 30, 20, 15, 0, TimeSpan.Zero);

    private static EvaluationReport Evaluate(CaseloadSnapshot snapshot, SafeguardingPolicy? policy = null) =>
        Engine.Evaluate(snapshot, new EvaluationOptions { Policy = policy });

    private static CaseloadSnapshot Juvenile(int minutesToArrival) => new()
    {
        AsOf = new DateOnly(2018, 5, 1),
        Detentions = [new Detention { Id = "CUS-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = Authorised, AppropriateAdultArrivedAt = Authorised.AddMinutes(minutesToArrival) }],
    };

    [Fact]
    public void AppropriateAdultDelayed_ArrivalAfterExactly120Minutes_IsNoFinding()
    {
        Evaluate(Juvenile(120)).Findings.Should().BeEmpty();
    }

    [Fact]
    public void AppropriateAdultDelayed_ArrivalAfter121Minutes_GoesToTheSupervisor()
    {
        var finding = Evaluate(Juvenile(121)).Findings.Should().ContainSingle().Subject;

        finding.Should().BeEquivalentTo(new { Kind = FindingKinds.AppropriateAdultDelayed, MinutesWaited = 121, Awaiting = (bool?)false, EscalateTo = (EscalationLevel?)EscalationLevel.Supervisor });
    }

    [Fact]
    public void AppropriateAdultDelayed_ArrivalAfter4h25_GoesToTheInspector_WithTheWaitAndLimitsInTheReason()
    {
        var finding = Evaluate(Juvenile(265)).Findings.Should().ContainSingle().Subject;

        finding.EscalateTo.Should().Be(EscalationLevel.Inspector);
        finding.Reason.Should().Contain("juvenile detained 2018-04-30 20:15 UTC; appropriate adult arrived after 4 h 25 min; alert after 2 h, inspector after 4 h; escalated to Inspector");
    }

    [Fact]
    public void AppropriateAdultDelayed_NoArrivalByTheAsOfInstant_IsAwaiting()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 4, 30),
            Detentions = [new Detention { Id = "CUS-1", CustodySuiteId = "CS-1", Juvenile = true, AuthorisedAt = Authorised, AppropriateAdultArrivedAt = Authorised.AddHours(5) }],
        };

        // T is the end of 2018-04-30 in UK summer time: 23:00 UTC, 2 h 45 min after authorisation; the later arrival is absent.
        var finding = Evaluate(snapshot).Findings.Should().ContainSingle().Subject;

        finding.Should().BeEquivalentTo(new { MinutesWaited = 165, Awaiting = (bool?)true });
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    public void PoliceProtectionExceeded_At72HoursAndAMinute_IsAFinding(int extraMinutes, bool expected)
    {
        var snapshot = new CaseloadSnapshot
        {
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 9, extraMinutes, 0, TimeSpan.Zero),
            PoliceProtections = [new PoliceProtection { Id = "PP-1", StartedAt = new DateTimeOffset(2018, 4, 28, 9, 0, 0, TimeSpan.Zero), LocalAuthorityInformedAt = new DateTimeOffset(2018, 4, 28, 10, 0, 0, TimeSpan.Zero) }],
        };

        var findings = Evaluate(snapshot).Findings;

        findings.Any(static f => f.Kind == FindingKinds.PoliceProtectionExceeded && f.HoursInProtection == 72).Should().Be(expected);
    }

    [Fact]
    public void StrategyOutcomeNotRecorded_HeldOnAFridayBeforeABankHoliday_IsDueTheTuesday()
    {
        static CaseloadSnapshot Snapshot(DateOnly asOf) => new()
        {
            AsOf = asOf,
            StrategyDiscussions = [new StrategyDiscussion { Id = "SD-1", HeldOn = new DateOnly(2018, 5, 4) }],
        };
        var snapshot = Snapshot(new DateOnly(2018, 5, 9));
        var policy = new SafeguardingPolicy { ChildProtection = { NonWorkingDays = [new DateOnly(2018, 5, 7)] } };

        var finding = Evaluate(snapshot, policy).Findings.Should().ContainSingle().Subject;

        finding.Should().BeEquivalentTo(new { Kind = FindingKinds.StrategyOutcomeNotRecorded, DueOn = (DateOnly?)new DateOnly(2018, 5, 8), DaysOverdue = (int?)1 });
        Evaluate(Snapshot(new DateOnly(2018, 5, 8)), policy).Findings.Should().BeEmpty("D on the due date is not after it");
    }

    [Fact]
    public void StrategyActionOverdue_OnlyPoliceActionsGiveFindings()
    {
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            StrategyDiscussions =
            [
                new StrategyDiscussion
                {
                    Id = "SD-1", HeldOn = new DateOnly(2018, 4, 20), OutcomeRecordedOn = new DateOnly(2018, 4, 23),
                    Actions =
                    [
                        new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = new DateOnly(2018, 4, 27) },
                        new StrategyAction { Id = "2", Owner = ActionOwner.SocialCare, DueOn = new DateOnly(2018, 4, 27) },
                    ],
                },
            ],
        };

        var report = Evaluate(snapshot);

        report.Findings.Should().ContainSingle().Which.Id.Should().Be("StrategyActionOverdue:SD-1:1");
        report.Findings[0].DaysOverdue.Should().Be(4);
        report.Summary.Outcomes.StrategyOutcomesRecordedOnTimePercent.Should().Be(100m, "held Friday 2018-04-20, due Monday 2018-04-23 and recorded that day");
    }
}
