using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

/// <summary>Generated child-protection records (contract section 6): their own stream, their rates, their realism, and valid.</summary>
public sealed class SyntheticChildProtectionTests
{
    private static readonly SyntheticCaseloadOptions None = new()
    {
        Offenders = 3000,
        Seed = 77,
        OverridesPerThousand = 300,
        StrategyDiscussionsPerThousandOffenders = 0,
        DetentionsPerThousandOffenders = 0,
        PoliceProtectionsPerThousandOffenders = 0,
    };

    [Fact]
    public void Generate_ChildProtectionAtZeroAndAtDefaults_GivesIdenticalV1Records()
    {
        var without = SyntheticCaseload.Generate(None);
        var with = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 3000, Seed = 77, OverridesPerThousand = 300 });

        without.StrategyDiscussions.Should().BeEmpty();
        without.Detentions.Should().BeEmpty();
        without.PoliceProtections.Should().BeEmpty();
        with.Detentions.Should().NotBeEmpty();
        with.SchemaVersion.Should().Be(without.SchemaVersion);
        with.AsOf.Should().Be(without.AsOf);
        with.ExtractedAt.Should().Be(without.ExtractedAt);
        with.Teams.Should().Equal(without.Teams);
        with.Managers.Should().Equal(without.Managers);
        with.Offenders.Should().Equal(without.Offenders);
        with.Visits.Should().Equal(without.Visits);
        with.Briefings.Should().Equal(without.Briefings);
        with.Overrides.Should().Equal(without.Overrides);
    }

    [Fact]
    public void Generate_ChildProtectionAtZeroAndAtDefaults_GivesIdenticalV1Findings()
    {
        var engine = new SafeguardingEngine();
        var without = engine.Evaluate(SyntheticCaseload.Generate(None));
        var with = engine.Evaluate(SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 3000, Seed = 77, OverridesPerThousand = 300 }));

        with.Findings.Where(IsV1).Should().Equal(without.Findings.Where(IsV1));
        with.Findings.Where(f => !IsV1(f)).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(2_000, 200, 400, 20)]
    [InlineData(100_000, 10_000, 20_000, 1_000)]
    [InlineData(999, 99, 199, 9)]
    [InlineData(0, 0, 0, 0)]
    public void Generate_DefaultRates_GiveExactCountsPerThousandOffenders(int offenders, int discussions, int detentions, int protections)
    {
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = offenders, VisitsPerOffender = 1 });

        snapshot.StrategyDiscussions.Should().HaveCount(discussions);
        snapshot.Detentions.Should().HaveCount(detentions);
        snapshot.PoliceProtections.Should().HaveCount(protections);
    }

    [Fact]
    public void Generate_SameOptionsTwice_GivesEqualChildProtectionRecords()
    {
        var first = SyntheticCaseload.Generate(2000, seed: 9);
        var second = SyntheticCaseload.Generate(2000, seed: 9);

        second.StrategyDiscussions.Should().BeEquivalentTo(first.StrategyDiscussions, o => o.WithStrictOrdering());
        second.Detentions.Should().BeEquivalentTo(first.Detentions, o => o.WithStrictOrdering());
        second.PoliceProtections.Should().Equal(first.PoliceProtections);
        SyntheticCaseload.Generate(2000, seed: 10).Detentions.Should().NotBeEquivalentTo(first.Detentions);
    }

    [Theory]
    [InlineData(1UL, 2018, 5, 1)]
    [InlineData(2UL, 2018, 10, 28)]
    [InlineData(3UL, 2019, 3, 31)]
    [InlineData(4UL, 2020, 1, 1)]
    public void Generate_AnySeedAndDate_IsValidAndHasEveryChildProtectionKind(ulong seed, int year, int month, int day)
    {
        var snapshot = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 5000, Seed = seed, AsOf = new DateOnly(year, month, day) });

        var report = new SafeguardingEngine().Evaluate(snapshot);

        report.Problems.Should().BeEmpty();
        foreach (var kind in new[]
        {
            FindingKinds.StrategyOutcomeNotRecorded, FindingKinds.StrategyActionOverdue, FindingKinds.AppropriateAdultDelayed,
            FindingKinds.InterviewWithoutAppropriateAdult, FindingKinds.PoliceProtectionExceeded, FindingKinds.LocalAuthorityNotInformed,
        })
        {
            report.Summary.Count(kind).Should().BePositive(kind);
        }

        report.Findings.Should().Contain(f => f.Kind == FindingKinds.AppropriateAdultDelayed && f.Awaiting == true, "one juvenile is still waiting at the end of the day");
        report.Findings.Should().Contain(f => f.Kind == FindingKinds.PoliceProtectionExceeded && f.StartedAt!.Value.AddHours(72) < report.AsOfInstant, "one protection is still running");
        report.Summary.Outcomes.StrategyOutcomesRecordedOnTimePercent.Should().BeInRange(70m, 95m);
        report.Summary.Outcomes.MedianAppropriateAdultWaitMinutes.Should().BeLessThanOrEqualTo(120m);
    }

    [Fact]
    public void Generate_Juveniles_MostlySeeAnAdultWithinTwoHoursAndAFewNever()
    {
        var snapshot = SyntheticCaseload.Generate(20_000);
        var juveniles = snapshot.Detentions.Where(d => d.Juvenile).ToList();
        var released = juveniles.Where(d => d.ReleasedAt != null).ToList();

        (juveniles.Count * 1000 / snapshot.Detentions.Count).Should().BeInRange(120, 180);
        var within = released.Count(d => d.AppropriateAdultArrivedAt is { } a && a - d.AuthorisedAt <= TimeSpan.FromHours(2));
        (within * 1000 / released.Count).Should().BeInRange(700, 900);
        released.Count(d => d.AppropriateAdultArrivedAt == null).Should().BePositive().And.BeLessThan(released.Count / 10);
        juveniles.SelectMany(d => d.Interviews).Count(i => !i.AppropriateAdultPresent && !i.UrgentInterviewAuthorised).Should().BePositive();
        juveniles.SelectMany(d => d.Interviews).Count(i => !i.AppropriateAdultPresent && i.UrgentInterviewAuthorised).Should().BePositive();
    }

    [Fact]
    public void Generate_ProtectionsAndDiscussions_AreMostlyOnTimeWithSomeLate()
    {
        var snapshot = SyntheticCaseload.Generate(50_000);
        var protections = snapshot.PoliceProtections;
        var ended = protections.Where(p => p.EndedAt != null).ToList();

        ended.Count(p => p.EndedAt!.Value - p.StartedAt > TimeSpan.FromHours(72)).Should().BePositive().And.BeLessThan(ended.Count / 10);
        protections.Count(p => p.LocalAuthorityInformedAt is { } at && at - p.StartedAt > TimeSpan.FromHours(4)).Should().BePositive().And.BeLessThan(protections.Count / 10);
        protections.Count(p => p.TeamId == null).Should().BePositive().And.BeLessThan(protections.Count / 10);

        var discussions = snapshot.StrategyDiscussions;
        discussions.Count(d => d.OutcomeRecordedOn == null).Should().BePositive().And.BeLessThan(discussions.Count / 10);
        var actions = discussions.SelectMany(d => d.Actions).ToList();
        actions.Count(a => a.Owner == ActionOwner.Police).Should().BeInRange(actions.Count * 4 / 10, actions.Count / 2);
        actions.Count(a => a.CompletedOn is { } done && done > a.DueOn).Should().BePositive();
        actions.Select(a => a.Owner).Distinct().Should().HaveCount(5);
    }

    [Fact]
    public void Generate_Instants_CarryUkOffsetsAcrossTheClockChangesAndAFewOthers()
    {
        var snapshot = SyntheticCaseload.Generate(20_000);
        var instants = snapshot.Detentions.Select(d => d.AuthorisedAt).Concat(snapshot.PoliceProtections.Select(p => p.StartedAt)).ToList();

        instants.Should().Contain(i => i.Offset == TimeSpan.Zero).And.Contain(i => i.Offset == TimeSpan.FromHours(1), "the window crosses the March clock change");
        var other = instants.Count(i => i.Offset != TimeSpan.Zero && i.Offset != TimeSpan.FromHours(1));
        other.Should().BePositive().And.BeLessThan(instants.Count / 20);
        instants.Should().Contain(i => i.Second != 0).And.Contain(i => i.Millisecond != 0);
        var end = new DateTimeOffset(2018, 5, 1, 23, 0, 0, TimeSpan.Zero);
        instants.Should().Contain(i => i > end, "a few records start after the as-of instant on purpose");
        snapshot.StrategyDiscussions.Should().Contain(d => d.HeldOn > snapshot.AsOf);
    }

    [Theory]
    [InlineData(-1, 0, 0)]
    [InlineData(0, 10_001, 0)]
    [InlineData(0, 0, 1_001)]
    public void Validate_ChildProtectionOptionOutOfRange_Throws(int discussions, int detentions, int juvenile)
    {
        var options = new SyntheticCaseloadOptions
        {
            StrategyDiscussionsPerThousandOffenders = discussions,
            DetentionsPerThousandOffenders = detentions,
            JuvenileDetentionsPerThousand = juvenile,
        };

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static bool IsV1(Finding finding) => FindingKinds.OrderOf(finding.Kind) < FindingKinds.OrderOf(FindingKinds.StrategyOutcomeNotRecorded);
}
