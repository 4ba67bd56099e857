using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>The monitor's overrides (contract section 8) and child-protection records (section 6), each against a full evaluation.</summary>
public sealed class MonitorChildProtectionAndOverrideTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    /// <summary>The end of 2018-05-01 in the UK (BST): 2018-05-01T23:00Z.</summary>
    private static readonly DateTimeOffset EndOfAsOf = new(2018, 5, 1, 23, 0, 0, TimeSpan.Zero);

    private static readonly SafeguardingEngine Engine = new();

    [Fact]
    public void Apply_OverrideAdded_SuppressesTheFindingAsAFullEvaluationDoes()
    {
        var snapshot = Snapshot();
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        var deferral = Deferral("OV-1", AsOf.AddDays(-1), AsOf.AddDays(5));

        var result = monitor.Apply(new OverrideAdded(deferral));

        result.IsAccepted.Should().BeTrue();
        result.ClearedFindings.Select(static f => f.Id).Should().Equal("VisitOverdue:RSO-1");
        result.Suppressed.Should().ContainSingle().Which.Should().Match<SuppressedFinding>(s => s.Finding.Id == "VisitOverdue:RSO-1" && s.OverrideId == "OV-1" && s.Until == AsOf.AddDays(5));
        var full = Engine.Evaluate(With(snapshot, overrides: [deferral]));
        monitor.Current.Findings.Should().Equal(full.Findings);
        monitor.Current.Suppressed.Should().Equal(full.Suppressed);
        monitor.Current.Summary.Suppressed.Should().Be(1);
    }

    [Fact]
    public void Apply_NewDayAfterTheDeferralEnds_RaisesTheFindingWithOverrideExpiredOn()
    {
        var deferral = Deferral("OV-1", AsOf.AddDays(-3), AsOf);
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), overrides: [deferral])).Monitor!;
        monitor.Current.Suppressed.Should().ContainSingle();

        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1)));

        result.Findings.Zip(result.Changes).Should().Contain(c => c.First.Id == "VisitOverdue:RSO-1" && c.First.OverrideExpiredOn == AsOf && c.Second == ChangeKind.Raised);
        monitor.Current.Suppressed.Should().BeEmpty();
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(With(Snapshot(), overrides: [deferral]), new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
    }

    [Fact]
    public void Apply_OverrideRemoved_RaisesTheSuppressedFindingAgain()
    {
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), overrides: [Deferral("OV-1", AsOf, AsOf)])).Monitor!;

        var result = monitor.Apply(new OverrideRemoved("OV-1"));

        result.Findings.Zip(result.Changes).Should().ContainSingle(c => c.First.Id == "VisitOverdue:RSO-1" && c.Second == ChangeKind.Raised);
        monitor.Current.Summary.Suppressed.Should().Be(0);
    }

    [Fact]
    public void Apply_OverrideOfAKindOnlyTheMonitorsPolicyLists_IsCheckedWithThatPolicy()
    {
        var policy = new SafeguardingPolicy { Overrides = new OverridePolicy { Kinds = [FindingKinds.AppropriateAdultDelayed] } };
        var monitor = SafeguardingMonitor.Load(Engine, Snapshot(), new EvaluationOptions { Policy = policy }).Monitor!;
        var delay = Deferral("OV-1", AsOf, AsOf) with { FindingId = "AppropriateAdultDelayed:CUS-1" };

        var accepted = monitor.Apply(new OverrideAdded(delay));
        var rejected = monitor.Apply(new OverrideAdded(Deferral("OV-2", AsOf, AsOf)));

        accepted.IsAccepted.Should().BeTrue();
        rejected.Problems.Should().ContainSingle().Which.Should().Match<ChangeProblem>(p => p.Record == "override" && p.Id == "OV-2" && p.Field == "findingId");
    }

    [Fact]
    public void Load_OverrideLongerThanTheCallsPolicyAllows_IsAProblem()
    {
        var policy = new SafeguardingPolicy { Overrides = new OverridePolicy { MaxDays = 5 } };

        var result = SafeguardingMonitor.Load(Engine, With(Snapshot(), overrides: [Deferral("OV-1", AsOf, AsOf.AddDays(9))]), new EvaluationOptions { Policy = policy });

        result.IsLoaded.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Field.Should().Be("until");
    }

    [Fact]
    public void Apply_AppropriateAdultArrives_ChangesTheDelayAndItsMeasure()
    {
        var detention = Detention("CUS-1", EndOfAsOf.AddHours(-6), arrived: null);
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), detentions: [detention])).Monitor!;
        monitor.Current.Findings.Single(f => f.Id == "AppropriateAdultDelayed:CUS-1").Awaiting.Should().BeTrue();

        var arrived = detention with { AppropriateAdultArrivedAt = detention.AuthorisedAt.AddMinutes(150) };
        var result = monitor.Apply(new DetentionRecorded(arrived));

        result.Findings.Zip(result.Changes).Should().ContainSingle(c => c.First.Id == "AppropriateAdultDelayed:CUS-1" && c.First.Awaiting == false && c.Second == ChangeKind.Changed);
        var full = Engine.Evaluate(With(Snapshot(), detentions: [arrived]));
        monitor.Current.Findings.Should().Equal(full.Findings);
        monitor.Current.Summary.Outcomes.MedianAppropriateAdultWaitMinutes.Should().Be(150).And.Be(full.Summary.Outcomes.MedianAppropriateAdultWaitMinutes);
    }

    [Fact]
    public void Apply_ProtectionEndedAndDiscussionOutcomeRecorded_ClearTheirFindings()
    {
        var protection = new PoliceProtection { Id = "PP-1", StartedAt = EndOfAsOf.AddHours(-80), LocalAuthorityInformedAt = EndOfAsOf.AddHours(-79) };
        var discussion = new StrategyDiscussion { Id = "SD-1", HeldOn = AsOf.AddDays(-7), Actions = [new StrategyAction { Id = "1", Owner = ActionOwner.Police, DueOn = AsOf.AddDays(-2) }] };
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), discussions: [discussion], protections: [protection])).Monitor!;

        var ended = monitor.Apply(new PoliceProtectionRecorded(protection with { EndedAt = protection.StartedAt.AddHours(70) }));
        var recorded = monitor.Apply(new StrategyDiscussionRecorded(discussion with
        {
            OutcomeRecordedOn = AsOf.AddDays(-6),
            Actions = [discussion.Actions[0] with { CompletedOn = AsOf.AddDays(-3) }],
        }));

        ended.ClearedFindings.Select(static f => f.Id).Should().Equal("PoliceProtectionExceeded:PP-1");
        recorded.ClearedFindings.Select(static f => f.Id).Should().Equal("StrategyOutcomeNotRecorded:SD-1", "StrategyActionOverdue:SD-1:1");
        monitor.Current.Summary.Outcomes.StrategyOutcomesRecordedOnTimePercent.Should().Be(100m);
    }

    [Fact]
    public void Apply_BadChildProtectionRecords_AreRejectedNamingTheFieldAndChangeNothing()
    {
        var detention = Detention("CUS-1", EndOfAsOf.AddHours(-6), arrived: null);
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), detentions: [detention])).Monitor!;
        var before = monitor.Current;
        var start = detention.AuthorisedAt.AddMinutes(30);

        var early = monitor.Apply(new DetentionRecorded(detention with { AppropriateAdultArrivedAt = detention.AuthorisedAt.AddMinutes(-1) }));
        var twice = monitor.Apply(new DetentionRecorded(detention with
        {
            Interviews = [new Interview { StartedAt = start, AppropriateAdultPresent = true }, new Interview { StartedAt = start.AddMilliseconds(200), AppropriateAdultPresent = true }],
        }));
        var unlisted = monitor.Apply(new PoliceProtectionRecorded(new PoliceProtection { Id = "PP-1", TeamId = "T-9", StartedAt = EndOfAsOf }));

        early.Problems.Should().ContainSingle().Which.Should().Be(new ChangeProblem("detention", "CUS-1", "appropriateAdultArrivedAt", "is before authorisedAt"));
        twice.Problems.Should().ContainSingle().Which.Field.Should().Be("interviews[1].startedAt");
        unlisted.Problems.Should().ContainSingle().Which.Should().Match<ChangeProblem>(p => p.Record == "policeProtection" && p.Id == "PP-1" && p.Field == "teamId");
        monitor.Current.Findings.Should().Equal(before.Findings);
    }

    [Fact]
    public void Load_ExtractedAt_IsTheAsOfInstantUntilANewDayMovesIt()
    {
        // Extracted at 18:00 BST: the wait is 4 h 30 min (Inspector); at the end of the next day it is 28 h 30 min.
        var extractedAt = new DateTimeOffset(2018, 5, 1, 18, 0, 0, TimeSpan.FromHours(1));
        var snapshot = With(Snapshot(), detentions: [Detention("CUS-1", extractedAt.AddMinutes(-270), arrived: null)]);
        snapshot = new CaseloadSnapshot { AsOf = AsOf, ExtractedAt = extractedAt, Teams = snapshot.Teams, Managers = snapshot.Managers, Offenders = snapshot.Offenders, Detentions = snapshot.Detentions };
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        monitor.Current.AsOfInstant.Should().Be(extractedAt);
        monitor.Current.Findings.Single(f => f.Id == "AppropriateAdultDelayed:CUS-1").MinutesWaited.Should().Be(270);

        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1)));

        monitor.Current.AsOfInstant.Should().Be(EndOfAsOf.AddDays(1));
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
    }

    [Fact]
    public void Load_PartialResultsWithABadDetention_MonitorsTheRestAndKeepsItsDataQualityFinding()
    {
        var bad = Detention("CUS-2", EndOfAsOf.AddHours(-3), arrived: null) with { ReleasedAt = EndOfAsOf.AddHours(-4) };
        var snapshot = With(Snapshot(), detentions: [Detention("CUS-1", EndOfAsOf.AddHours(-6), arrived: null), bad]);
        var options = new EvaluationOptions { AllowPartialResults = true };

        var loaded = SafeguardingMonitor.Load(Engine, snapshot, options);
        var reuse = loaded.Monitor!.Apply(new DetentionRecorded(bad with { ReleasedAt = null }));

        loaded.Problems.Should().ContainSingle().Which.Field.Should().Be("releasedAt");
        loaded.Monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot, options).Findings).And.Contain(f => f.Id == "DataQuality:detentions:#1");
        reuse.Problems.Should().ContainSingle().Which.Field.Should().Be("id");
    }

    [Fact]
    public void Load_CallerChangesTheSnapshotsActionsAfterwards_IsNotSeen()
    {
        // Load reads the snapshot once: the caller reusing its list of actions later changes nothing, even on a new day,
        // when the monitor builds the child-protection facts again from the records it holds.
        var actions = new List<StrategyAction> { new() { Id = "1", Owner = ActionOwner.Police, DueOn = AsOf.AddDays(5) } };
        var discussion = new StrategyDiscussion { Id = "SD-1", HeldOn = AsOf.AddDays(-10), OutcomeRecordedOn = AsOf.AddDays(-10), Actions = actions };
        var loadedAs = With(Snapshot(), discussions: [discussion with { Actions = [.. actions] }]);
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), discussions: [discussion])).Monitor!;

        actions[0] = actions[0] with { DueOn = AsOf.AddDays(-5) };
        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1)));

        var full = Engine.Evaluate(loadedAs, new EvaluationOptions { AsOf = AsOf.AddDays(1) });
        full.Findings.Should().NotContain(f => f.Kind == FindingKinds.StrategyActionOverdue);
        monitor.Current.Findings.Should().Equal(full.Findings);
        result.Findings.Should().NotContain(f => f.Kind == FindingKinds.StrategyActionOverdue);
    }

    [Fact]
    public void Apply_CallerChangesARecordedDetentionsInterviewsAfterwards_IsNotSeen()
    {
        // The detention as recorded is the monitor's: an interview the caller adds to its own list later (without
        // recording the detention again) is not a change, so a new day must not raise it.
        var interviews = new List<Interview>();
        var detention = Detention("CUS-1", new DateTimeOffset(2018, 5, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2018, 5, 1, 8, 30, 0, TimeSpan.Zero)) with { Interviews = interviews };
        var monitor = SafeguardingMonitor.Load(Engine, Snapshot()).Monitor!;
        monitor.Apply(new DetentionRecorded(detention)).IsAccepted.Should().BeTrue();

        interviews.Add(new Interview { StartedAt = new DateTimeOffset(2018, 5, 1, 9, 0, 0, TimeSpan.Zero), AppropriateAdultPresent = false });
        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1)));

        var full = Engine.Evaluate(With(Snapshot(), detentions: [detention with { Interviews = [] }]), new EvaluationOptions { AsOf = AsOf.AddDays(1) });
        full.Findings.Should().NotContain(f => f.Kind == FindingKinds.InterviewWithoutAppropriateAdult);
        monitor.Current.Findings.Should().Equal(full.Findings);
        result.Findings.Should().NotContain(f => f.Kind == FindingKinds.InterviewWithoutAppropriateAdult);
    }

    [Fact]
    public void GetCurrent_AfterTheCallerChangesItsLists_GivesEachRecordsListAsLoadedOrRecorded()
    {
        // Three discussions loaded (their actions held together by the monitor, one of them with none) and a detention
        // recorded later: the snapshot of the current report gives each record's own list as it was loaded or recorded,
        // in its order, whatever the caller did to its lists meanwhile, and lists that are not the caller's.
        static StrategyAction Action(string id, int days) => new() { Id = id, Owner = ActionOwner.Police, DueOn = AsOf.AddDays(days) };
        var first = new List<StrategyAction> { Action("1", 5), Action("2", 6) };
        var third = new List<StrategyAction> { Action("3", 7) };
        var discussions = new[]
        {
            new StrategyDiscussion { Id = "SD-1", HeldOn = AsOf.AddDays(-10), Actions = first },
            new StrategyDiscussion { Id = "SD-2", HeldOn = AsOf.AddDays(-9), Actions = new List<StrategyAction>() },
            new StrategyDiscussion { Id = "SD-3", HeldOn = AsOf.AddDays(-8), Actions = third },
        };
        var interviews = new List<Interview> { new() { StartedAt = EndOfAsOf.AddHours(-5), AppropriateAdultPresent = true } };
        var detention = Detention("CUS-1", EndOfAsOf.AddHours(-6), EndOfAsOf.AddHours(-5.5)) with { Interviews = interviews };
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), discussions: discussions)).Monitor!;
        monitor.Apply(new DetentionRecorded(detention)).IsAccepted.Should().BeTrue();

        first.Clear();
        discussions[1].Actions.Should().BeOfType<List<StrategyAction>>().Which.Add(Action("4", 8));
        third[0] = Action("5", 9);
        interviews.Add(new Interview { StartedAt = EndOfAsOf.AddHours(-4), AppropriateAdultPresent = false });
        monitor.GetCurrent(out var snapshot);

        snapshot!.StrategyDiscussions.Select(static d => (d.Id, string.Join(",", d.Actions.Select(static a => a.Id)))).Should().Equal(("SD-1", "1,2"), ("SD-2", ""), ("SD-3", "3"));
        snapshot.StrategyDiscussions.Should().OnlyContain(d => !(d.Actions is List<StrategyAction>) && !(d.Actions is StrategyAction[] && d.Actions.Count > 0));
        snapshot.Detentions.Should().ContainSingle().Which.Interviews.Should().ContainSingle().Which.AppropriateAdultPresent.Should().BeTrue();
        snapshot.Detentions[0].Interviews.Should().NotBeSameAs(interviews);
        Engine.Evaluate(snapshot).Findings.Should().Equal(monitor.Current.Findings);
    }

    [Fact]
    public void Load_ListsOfAnyReadOnlyListType_AreCopiedAndTheCallersLaterChangesNotSeen()
    {
        // A caller's own list type (a read-only view of a list it keeps changing, not a collection the monitor can copy in
        // one call): the monitor copies it item by item, at the load and when the record is recorded again.
        static StrategyAction Action(string id, int days) => new() { Id = id, Owner = ActionOwner.Police, DueOn = AsOf.AddDays(days) };
        var overdue = new List<StrategyAction> { Action("1", -3), Action("3", -2) };
        var onTime = new List<StrategyAction> { Action("2", 3) };
        var first = new StrategyDiscussion { Id = "SD-1", HeldOn = AsOf.AddDays(-10), OutcomeRecordedOn = AsOf.AddDays(-10), Actions = new ViewOf<StrategyAction>(overdue) };
        var second = new StrategyDiscussion { Id = "SD-2", HeldOn = AsOf.AddDays(-9), OutcomeRecordedOn = AsOf.AddDays(-9), Actions = new ViewOf<StrategyAction>(onTime) };
        var loaded = With(Snapshot(), discussions: [first with { Actions = [Action("1", -3), Action("3", -2)] }, second with { Actions = [Action("2", 3)] }]);
        var monitor = SafeguardingMonitor.Load(Engine, With(Snapshot(), discussions: [first, second])).Monitor!;
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(loaded).Findings);
        OverdueActions(monitor).Should().Equal("1", "3");

        overdue.Clear();
        onTime[0] = Action("2", -1);
        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1))).IsAccepted.Should().BeTrue();

        monitor.Current.Findings.Should().Equal(Engine.Evaluate(loaded, new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
        OverdueActions(monitor).Should().Equal("1", "3");

        // Recorded again, the record's list as it now stands is copied, and later changes to it are not seen either.
        monitor.Apply(new StrategyDiscussionRecorded(second)).IsAccepted.Should().BeTrue();
        onTime.Clear();
        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(2))).IsAccepted.Should().BeTrue();

        var recorded = With(Snapshot(), discussions: [loaded.StrategyDiscussions[0], second with { Actions = [Action("2", -1)] }]);
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(recorded, new EvaluationOptions { AsOf = AsOf.AddDays(2) }).Findings);
        OverdueActions(monitor).Should().Equal("1", "3", "2");

        static IEnumerable<string?> OverdueActions(SafeguardingMonitor monitor) =>
            monitor.Current.Findings.Where(static f => f.Kind == FindingKinds.StrategyActionOverdue).Select(static f => f.ActionId);
    }

    private static CaseloadSnapshot Snapshot() => new()
    {
        AsOf = AsOf,
        Teams = [new Team { Id = "T-1" }],
        Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
        Offenders = [new Offender { Id = "RSO-1", ManagerId = "OM-1", RiskLevel = RiskLevel.Medium, RegisteredOn = AsOf.AddDays(-40), RiskAssessedOn = AsOf.AddDays(-10) }],
    };

    private static CaseloadSnapshot With(CaseloadSnapshot snapshot, Override[]? overrides = null, Detention[]? detentions = null, StrategyDiscussion[]? discussions = null, PoliceProtection[]? protections = null) => new()
    {
        AsOf = snapshot.AsOf,
        Teams = snapshot.Teams,
        Managers = snapshot.Managers,
        Offenders = snapshot.Offenders,
        Overrides = overrides ?? [],
        Detentions = detentions ?? [],
        StrategyDiscussions = discussions ?? [],
        PoliceProtections = protections ?? [],
    };

    private static Override Deferral(string id, DateOnly from, DateOnly until) => new()
    {
        Id = id,
        FindingId = "VisitOverdue:RSO-1",
        ReasonCode = "IN_HOSPITAL",
        AuthorisedBy = "DS-1",
        From = from,
        Until = until,
    };

    private static Detention Detention(string id, DateTimeOffset authorisedAt, DateTimeOffset? arrived) => new()
    {
        Id = id,
        CustodySuiteId = "CS-1",
        Juvenile = true,
        AuthorisedAt = authorisedAt,
        AppropriateAdultArrivedAt = arrived,
    };

    /// <summary>A read-only view of a list the caller keeps changing: an <see cref="IReadOnlyList{T}"/> and nothing more (not an <see cref="ICollection{T}"/>).</summary>
    private sealed class ViewOf<T>(List<T> items) : IReadOnlyList<T>
    {
        public int Count => items.Count;

        public T this[int index] => items[index];

        public IEnumerator<T> GetEnumerator() => items.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
