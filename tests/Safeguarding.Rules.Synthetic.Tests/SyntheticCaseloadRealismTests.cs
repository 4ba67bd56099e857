using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

public sealed class SyntheticCaseloadRealismTests(LargeCaseloadFixture fixture) : IClassFixture<LargeCaseloadFixture>
{
    private const int N = LargeCaseloadFixture.Offenders;

    [Theory]
    [InlineData(RiskLevel.VeryHigh, 10, 30)]
    [InlineData(RiskLevel.High, 160, 200)]
    [InlineData(RiskLevel.Medium, 280, 320)]
    [InlineData(RiskLevel.Low, 480, 520)]
    public void Generate_RiskMix_IsTheNationalMixWithinTwoPoints(RiskLevel level, int atLeastPerThousand, int atMostPerThousand)
    {
        var count = fixture.Snapshot.Offenders.Count(o => o.RiskLevel == level);

        (count * 1000 / N).Should().BeInRange(atLeastPerThousand, atMostPerThousand);
    }

    [Fact]
    public void Generate_Caseloads_AreMostly50To60WithAboutOneInEightAbove75()
    {
        var caseloads = CommunityCaseloads();
        var managers = caseloads.Count;

        caseloads.Count(c => c >= 50 && c <= 60).Should().BeGreaterThan(managers * 6 / 10);
        caseloads.Count(c => c > 75).Should().BeInRange(managers * 8 / 100, managers * 18 / 100);
        caseloads.Count(c => c > 60 && c <= 75).Should().BeGreaterThan(0);
        caseloads.Should().OnlyContain(c => c <= 100);
    }

    [Fact]
    public void Generate_Managers_AreGroupedInTeamsOfAboutSix()
    {
        var teams = fixture.Snapshot.Teams!;
        var sizes = fixture.Snapshot.Managers.GroupBy(m => m.TeamId).Select(g => g.Count()).ToList();

        teams.Should().HaveCount((fixture.Snapshot.Managers.Count + 5) / 6);
        sizes.Should().OnlyContain(s => s >= 1 && s <= 6);
        sizes.Count(s => s == 6).Should().Be(sizes.Count - 1);
    }

    [Fact]
    public void Generate_Custody_IsAbout22Percent()
    {
        var inCustody = fixture.Snapshot.Offenders.Count(o => o.InCustody);

        (inCustody * 1000 / N).Should().BeInRange(200, 240);
    }

    [Fact]
    public void Generate_Statuses_IncludeUnallocatedNotYetRegisteredAndReleased()
    {
        var offenders = fixture.Snapshot.Offenders;

        offenders.Count(o => o.ManagerId is null).Should().BeInRange(1, N * 5 / 1000);
        offenders.Count(o => o.RegisteredOn > fixture.AsOf).Should().BeInRange(1, N * 3 / 1000);
        offenders.Count(o => !o.InCustody && o.ReleasedOn is not null).Should().BeGreaterThan(N / 20);
        offenders.Count(o => o.InCustody && o.ReleasedOn is not null).Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(150)]
    public void Generate_AtLeast100Offenders_AlwaysHasARegisteredUnallocatedOffender(int offenders)
    {
        for (ulong seed = 1; seed <= 30; seed++)
        {
            var snapshot = SyntheticCaseload.Generate(offenders, seed);

            snapshot.Offenders.Should().Contain(o => o.ManagerId == null && o.RegisteredOn <= snapshot.AsOf!.Value, $"seed {seed}");
        }
    }

    [Fact]
    public void Generate_AtLeast1000Offenders_AlwaysHasANotYetRegisteredOffender()
    {
        for (ulong seed = 1; seed <= 10; seed++)
        {
            var snapshot = SyntheticCaseload.Generate(1000, seed);

            snapshot.Offenders.Should().Contain(o => o.RegisteredOn > snapshot.AsOf!.Value, $"seed {seed}");
        }
    }

    [Fact]
    public void Generate_ReactiveManagement_IsAboutAThirdOfLongRegisteredLowRiskAndRareAboveLow()
    {
        var longRegisteredLow = fixture.Registered.Where(o => o.RiskLevel == RiskLevel.Low && o.RegisteredOn.AddYears(3) <= fixture.AsOf).ToList();
        var reactiveLow = longRegisteredLow.Count(o => o.ReactiveManagement);
        var reactiveAboveLow = fixture.Snapshot.Offenders.Count(o => o.ReactiveManagement && o.RiskLevel != RiskLevel.Low);

        (reactiveLow * 1000 / longRegisteredLow.Count).Should().BeInRange(320, 380);
        reactiveAboveLow.Should().BeInRange(1, N * 3 / 1000);
    }

    [Fact]
    public void Generate_PlanIntervalsAndMappa_HaveTheirShares()
    {
        var offenders = fixture.Snapshot.Offenders;

        (offenders.Count(o => o.VisitIntervalDays is not null) * 1000 / N).Should().BeInRange(80, 120);
        (offenders.Count(o => o.MappaLevel == 1) * 1000 / N).Should().BeInRange(970, 990);
        offenders.Should().Contain(o => o.MappaLevel == 2).And.Contain(o => o.MappaLevel == 3);
    }

    [Fact]
    public void Generate_Assessments_IncludeMissingAndStaleOnes()
    {
        var registered = fixture.Registered.ToList();

        registered.Count(o => o.RiskAssessedOn is null).Should().BeInRange(1, N * 3 / 100);
        registered.Count(o => o.RiskAssessedOn is { } on && on.AddDays(365) < fixture.AsOf).Should().BeInRange(N / 100, N * 8 / 100);
    }

    [Fact]
    public void Generate_NeighbourhoodMoves_AreMostlyButNotAlwaysBriefed()
    {
        var briefed = fixture.Snapshot.Briefings
            .Where(b => b.Date <= fixture.AsOf)
            .Select(b => (b.OffenderId, b.NeighbourhoodId, b.Date))
            .ToLookup(b => (b.OffenderId, b.NeighbourhoodId), b => b.Date);
        var moves = fixture.Registered.Where(o => o.NeighbourhoodId is not null && o.MovedIntoNeighbourhoodOn is not null).ToList();

        var unbriefed = moves.Count(o => !briefed[(o.Id, o.NeighbourhoodId!)].Any(d => d >= o.MovedIntoNeighbourhoodOn!.Value));

        (moves.Count * 1000 / N).Should().BeInRange(300, 450);
        unbriefed.Should().BeGreaterThan(moves.Count / 50).And.BeLessThan(moves.Count / 5);
    }

    [Fact]
    public void Generate_Visits_AreMostlyCompletedWithSomeFailedAndCancelled()
    {
        var visits = fixture.Snapshot.Visits;

        visits.Count(v => v.Outcome == VisitOutcome.Completed).Should().BeGreaterThan(visits.Count * 3 / 4);
        visits.Count(v => v.Outcome == VisitOutcome.NoAccess).Should().BeGreaterThan(visits.Count / 50);
        visits.Count(v => v.Outcome == VisitOutcome.Cancelled).Should().BeGreaterThan(visits.Count / 200);
        ((double)visits.Count / N).Should().BeInRange(3.0, 5.0);
    }

    [Fact]
    public void Generate_NoAccessRuns_FollowTheLatestCompletedVisit()
    {
        var runs = 0;
        foreach (var history in fixture.Snapshot.Visits.Where(v => v.Date <= fixture.AsOf).GroupBy(v => v.OffenderId))
        {
            var latestCompleted = history.Where(v => v.Outcome == VisitOutcome.Completed).Select(v => (DateOnly?)v.Date).Max();
            var failedAfter = history.Count(v => v.Outcome == VisitOutcome.NoAccess && (latestCompleted is null || v.Date > latestCompleted));
            if (failedAfter >= 2)
            {
                runs++;
                failedAfter.Should().BeLessThanOrEqualTo(3);
            }
        }

        runs.Should().BeInRange(N / 200, N / 20);
    }

    [Fact]
    public void Generate_SomeOffendersNeedingVisits_HaveNoCompletedVisitSinceTheirStart()
    {
        var completed = fixture.Snapshot.Visits
            .Where(v => v.Outcome == VisitOutcome.Completed && v.Date <= fixture.AsOf)
            .ToLookup(v => v.OffenderId, v => v.Date);

        var neverVisited = fixture.NeedingVisits.Count(o =>
        {
            var start = o.ReleasedOn is { } released && released > o.RegisteredOn ? released : o.RegisteredOn;
            return !completed[o.Id].Any(d => d >= start) && start.AddDays(28) < fixture.AsOf;
        });

        neverVisited.Should().BeGreaterThan(0).And.BeLessThan(N / 50);
    }

    [Fact]
    public void Evaluate_GeneratedCaseload_EvaluatesWithoutProblems()
    {
        fixture.Report.IsEvaluated.Should().BeTrue();
        fixture.Report.Problems.Should().BeEmpty();
        fixture.Report.Summary.Offenders.Should().Be(N);
        fixture.Report.Summary.Rejected.Should().Be(0);
        fixture.Report.Summary.NotYetRegistered.Should().Be(fixture.Snapshot.Offenders.Count(o => o.RegisteredOn > fixture.AsOf));
        fixture.Report.Summary.Count(FindingKinds.DataQuality).Should().Be(0);
    }

    [Theory]
    [InlineData(FindingKinds.VisitOverdue)]
    [InlineData(FindingKinds.VisitDueSoon)]
    [InlineData(FindingKinds.RepeatedNoAccess)]
    [InlineData(FindingKinds.ReactiveManagementIneligible)]
    [InlineData(FindingKinds.CaseloadAboveTarget)]
    [InlineData(FindingKinds.CaseloadCritical)]
    [InlineData(FindingKinds.Unallocated)]
    [InlineData(FindingKinds.UnitBacklog)]
    [InlineData(FindingKinds.RiskReviewOverdue)]
    [InlineData(FindingKinds.NeighbourhoodNotBriefed)]
    public void Evaluate_GeneratedCaseload_HasFindingsOfEveryKind(string kind)
    {
        fixture.Report.Summary.Count(kind).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Evaluate_GeneratedCaseload_HasFiveToTenPercentOverdueWithAWideSpread()
    {
        var needing = fixture.NeedingVisits.Count();
        var overdue = fixture.Report.Findings.Where(f => f.Kind == FindingKinds.VisitOverdue).Select(f => f.DaysOverdue!.Value).ToList();

        (overdue.Count * 1000 / needing).Should().BeInRange(50, 100);
        overdue.Min().Should().BeLessThanOrEqualTo(2);
        overdue.Max().Should().BeGreaterThan(200);
        overdue.Count(d => d <= 14).Should().BeGreaterThan(overdue.Count / 4);
        overdue.Count(d => d > 28).Should().BeGreaterThan(overdue.Count / 10);
    }

    [Fact]
    public void Evaluate_GeneratedCaseload_CriticalManagersMatchTheCaseloadsAbove75()
    {
        var critical = CommunityCaseloads().Count(c => c > 75);

        fixture.Report.Summary.Count(FindingKinds.CaseloadCritical).Should().Be(critical);
    }

    [Fact]
    public void Evaluate_GeneratedCaseload_FutureRecordsAreIgnored()
    {
        // Dropping every record dated after the as-of date must not change a single finding.
        var trimmed = new CaseloadSnapshot
        {
            SchemaVersion = fixture.Snapshot.SchemaVersion,
            AsOf = fixture.Snapshot.AsOf,
            Teams = fixture.Snapshot.Teams,
            Managers = fixture.Snapshot.Managers,
            Offenders = fixture.Snapshot.Offenders,
            Visits = fixture.Snapshot.Visits.Where(v => v.Date <= fixture.AsOf).ToList(),
            Briefings = fixture.Snapshot.Briefings.Where(b => b.Date <= fixture.AsOf).ToList(),
            StrategyDiscussions = fixture.Snapshot.StrategyDiscussions,
            Detentions = fixture.Snapshot.Detentions,
            PoliceProtections = fixture.Snapshot.PoliceProtections,
        };
        trimmed.Visits.Count.Should().BeLessThan(fixture.Snapshot.Visits.Count);

        var report = new SafeguardingEngine().Evaluate(trimmed);

        report.Findings.Should().Equal(fixture.Report.Findings);
    }

    private List<int> CommunityCaseloads()
    {
        var counts = fixture.Snapshot.Managers.ToDictionary(m => m.Id, _ => 0, StringComparer.Ordinal);
        foreach (var offender in fixture.Registered)
        {
            if (offender.ManagerId is { } managerId && !offender.InCustody)
            {
                counts[managerId]++;
            }
        }

        return [.. counts.Values];
    }
}
