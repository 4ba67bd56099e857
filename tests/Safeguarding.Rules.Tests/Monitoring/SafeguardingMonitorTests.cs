using Microsoft.Extensions.DependencyInjection;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Records;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Support;

namespace Safeguarding.Rules.Tests.Monitoring;

public sealed class SafeguardingMonitorTests
{
    private static readonly DateOnly AsOf = new(2018, 5, 1);

    private static readonly SafeguardingEngine Engine = new(new SafeguardingRulesOptions
    {
        Policy = new SafeguardingPolicy { Caseload = new CaseloadPolicy { Target = 1, Critical = 2 } },
    });

    [Fact]
    public void Apply_CompletedVisitForOverdueOffender_ClearsTheOverdueFinding()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));
        monitor.Current.Findings.Should().Contain(f => f.Id == "VisitOverdue:RSO-1");

        var result = monitor.Apply(new VisitRecorded(new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-1), Outcome = VisitOutcome.Completed }));

        result.IsAccepted.Should().BeTrue();
        result.ClearedFindings.Select(static f => f.Id).Should().Contain("VisitOverdue:RSO-1");
        monitor.Current.Findings.Should().NotContain(f => f.Id == "VisitOverdue:RSO-1");
    }

    [Fact]
    public void Apply_ReassignmentMakingManagerCritical_EscalatesThatManagersOverdueVisits()
    {
        // Critical above 2: the third offender makes OM-1 critical, which sends its overdue visits to the supervisor.
        var monitor = Load(Offender("RSO-1", "OM-1", RiskLevel.Low), Offender("RSO-2", "OM-1", RiskLevel.Low), Offender("RSO-3", null, RiskLevel.Low, overdue: false));
        monitor.Current.Findings.Single(f => f.Id == "VisitOverdue:RSO-1").EscalateTo.Should().Be(EscalationLevel.OffenderManager);

        var result = monitor.Apply(new OffenderReassigned("RSO-3", "OM-1"));

        result.Findings.Zip(result.Changes).Should().Contain(c => c.First.Id == "VisitOverdue:RSO-1" && c.Second == ChangeKind.Escalated)
            .And.Contain(c => c.First.Id == "VisitOverdue:RSO-2" && c.Second == ChangeKind.Escalated)
            .And.Contain(c => c.First.Id == "CaseloadCritical:OM-1" && c.Second == ChangeKind.Raised);
        result.ClearedFindings.Select(static f => f.Id).Should().Contain(["Unallocated:RSO-3", "CaseloadAboveTarget:OM-1"]);
        monitor.Current.Findings.Single(f => f.Id == "VisitOverdue:RSO-1").EscalateTo.Should().Be(EscalationLevel.Supervisor);
    }

    [Fact]
    public void Apply_ReassignmentKeepingTeamInBacklog_ChangesTheBacklogCaseloadAndMatchesFullEvaluation()
    {
        // Two overdue visits against a team caseload of 2, then of 3: a backlog both times (5%), so the monitor refreshes the
        // finding's caseload without updating the team fact; OM-2 goes from none to above target (1) and is updated.
        var snapshot = Snapshot(Offender("RSO-1", "OM-1", RiskLevel.Low), Offender("RSO-2", "OM-1", RiskLevel.Low), Offender("RSO-3", null, RiskLevel.Low, overdue: false));
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        monitor.Current.Findings.Single(f => f.Id == "UnitBacklog:T-1").Caseload.Should().Be(2);

        var result = monitor.Apply(new OffenderReassigned("RSO-3", "OM-2"));

        result.Findings.Zip(result.Changes).Should().Contain(c => c.First.Id == "UnitBacklog:T-1" && c.First.Caseload == 3 && c.Second == ChangeKind.Changed);
        var expected = Engine.Evaluate(Snapshot([.. snapshot.Offenders.Take(2), snapshot.Offenders[2] with { ManagerId = "OM-2" }]), new EvaluationOptions { AsOf = AsOf });
        monitor.Current.Findings.Should().Equal(expected.Findings);
    }

    [Fact]
    public void Apply_ReassignmentToManagerWhoStaysCritical_ChangesItsCaseloadFindingsAndMatchesFullEvaluation()
    {
        // OM-1 holds 3 (critical above 2) and gets a fourth: its critical finding and the reasons of its supervisor
        // escalations cite 4, refreshed without updating the manager fact.
        var snapshot = Snapshot(Offender("RSO-1", "OM-1", RiskLevel.Low), Offender("RSO-2", "OM-1", RiskLevel.Low), Offender("RSO-3", "OM-1", RiskLevel.Low), Offender("RSO-4", null, RiskLevel.Low, overdue: false));
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;

        var result = monitor.Apply(new OffenderReassigned("RSO-4", "OM-1"));

        result.Findings.Zip(result.Changes).Should().Contain(c => c.First.Id == "CaseloadCritical:OM-1" && c.First.Caseload == 4 && c.Second == ChangeKind.Changed);
        monitor.Current.Findings.Single(f => f.Id == "VisitOverdue:RSO-1").Reason.Should().Contain("critical caseload of 4");
        var expected = Engine.Evaluate(Snapshot([.. snapshot.Offenders.Take(3), snapshot.Offenders[3] with { ManagerId = "OM-1" }]), new EvaluationOptions { AsOf = AsOf });
        monitor.Current.Findings.Should().Equal(expected.Findings);
    }

    [Fact]
    public void Apply_RemovingManagerWhoHoldsOffenders_IsRejectedAndChangesNothing()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));
        var before = monitor.Current;

        var result = monitor.Apply(new ManagerRemoved("OM-1"));

        result.IsAccepted.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Should().Be(new ChangeProblem("manager", "OM-1", "id", "the manager still holds 1 offenders; reassign them first"));
        monitor.Current.Findings.Should().Equal(before.Findings);
    }

    [Fact]
    public void Apply_InvalidOffender_ListsEveryProblemNamingTheField()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));

        var result = monitor.Apply(new OffenderAdded(Offender("RSO-2", "OM-9") with { VisitIntervalDays = 0, MappaLevel = 4, RiskLevel = (RiskLevel)9 }));

        result.IsAccepted.Should().BeFalse();
        result.Problems.Select(static p => p.Field).Should().BeEquivalentTo(["riskLevel", "visitIntervalDays", "mappaLevel", "managerId"]);
        result.Problems.Should().OnlyContain(p => p.Record == "offender" && p.Id == "RSO-2");
        monitor.Current.Summary.Offenders.Should().Be(1);
    }

    [Theory]
    [InlineData("visit")]
    [InlineData("briefing")]
    [InlineData("reassign")]
    [InlineData("remove")]
    public void Apply_ChangeForUnknownOffender_IsRejectedNamingTheField(string kind)
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));
        MonitorChange change = kind switch
        {
            "visit" => new VisitRecorded(new Visit { OffenderId = "RSO-9", Date = AsOf, Outcome = VisitOutcome.Completed }),
            "briefing" => new BriefingRecorded(new Briefing { OffenderId = "RSO-9", NeighbourhoodId = "NPT-1", Date = AsOf }),
            "reassign" => new OffenderReassigned("RSO-9", "OM-1"),
            _ => new OffenderRemoved("RSO-9"),
        };

        var result = monitor.Apply(change);

        result.IsAccepted.Should().BeFalse();
        result.Problems.Should().ContainSingle().Which.Problem.Should().Be("names offender RSO-9, which is not monitored");
    }

    [Fact]
    public void Apply_EarlierAsOfDate_IsRejected()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));

        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(-1)));

        result.Problems.Should().ContainSingle().Which.Field.Should().Be("asOf");
        monitor.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Apply_NextDay_MovesOverdueDaysAndMatchesFullEvaluation()
    {
        var snapshot = Snapshot(Offender("RSO-1", "OM-1"), Offender("RSO-2", "OM-1", RiskLevel.High));
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;

        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1)));

        result.IsAccepted.Should().BeTrue();
        monitor.AsOf.Should().Be(AsOf.AddDays(1));
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
    }

    [Fact]
    public void Load_SnapshotWithNoOffenders_MonitorsItAndMatchesFullEvaluation()
    {
        // A force's child-protection records with no offender records yet: a valid snapshot (contract section 1).
        var snapshot = new CaseloadSnapshot
        {
            AsOf = AsOf,
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
            PoliceProtections = [new PoliceProtection { Id = "PP-1", StartedAt = new DateTimeOffset(2018, 4, 20, 10, 0, 0, TimeSpan.Zero) }],
        };

        var loaded = SafeguardingMonitor.Load(Engine, snapshot);

        loaded.IsLoaded.Should().BeTrue();
        var monitor = loaded.Monitor!;
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot).Findings).And.NotBeEmpty();
        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1))).IsAccepted.Should().BeTrue();
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
    }

    [Fact]
    public void Apply_NewDayAfterEveryOffenderRemoved_MatchesFullEvaluationAndLaterChangesApply()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));
        monitor.Apply(new OffenderRemoved("RSO-1")).IsAccepted.Should().BeTrue();

        var result = monitor.Apply(new AsOfAdvanced(AsOf.AddDays(2)));

        result.IsAccepted.Should().BeTrue();
        monitor.AsOf.Should().Be(AsOf.AddDays(2));
        monitor.Current.Findings.Should().BeEmpty();
        monitor.Apply(new OffenderAdded(Offender("RSO-2", "OM-1"))).IsAccepted.Should().BeTrue();
        var expected = Engine.Evaluate(Snapshot(Offender("RSO-2", "OM-1")), new EvaluationOptions { AsOf = AsOf.AddDays(2) });
        monitor.Current.Findings.Should().Equal(expected.Findings).And.Contain(f => f.Id == "VisitOverdue:RSO-2");
    }

    [Fact]
    public void Load_SnapshotWithProblems_GivesEveryProblemAndNoMonitor()
    {
        var result = SafeguardingMonitor.Load(Engine, Snapshot(Offender("RSO-1", "OM-404")));

        result.IsLoaded.Should().BeFalse();
        result.Monitor.Should().BeNull();
        result.Problems.Should().ContainSingle().Which.Field.Should().Be("managerId");
    }

    [Fact]
    public void Load_EngineWithHostRules_Throws()
    {
        var engine = new SafeguardingEngine(new SafeguardingRulesOptions { RuleTypes = { typeof(HostRuleForMonitorTests) } });

        var load = () => SafeguardingMonitor.Load(engine, Snapshot(Offender("RSO-1", "OM-1")));

        load.Should().Throw<NotSupportedException>().WithMessage("*built-in rules only*");
    }

    [Fact]
    public void Apply_ManyThreadsAtOnce_EveryChangeAppliedOnceAndMatchesFullEvaluation()
    {
        var offenders = Enumerable.Range(1, 40).Select(i => Offender("RSO-" + i, "OM-" + ((i % 4) + 1))).ToArray();
        var snapshot = Snapshot(offenders);
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        var visits = offenders.Select((o, i) => new Visit { OffenderId = o.Id, Date = AsOf.AddDays(-(i % 30)), Outcome = VisitOutcome.Completed }).ToArray();

        var results = new MonitorResult[visits.Length];
        Parallel.For(0, visits.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = monitor.Apply(new VisitRecorded(visits[i])));

        results.Should().OnlyContain(r => r.IsAccepted);
        var expected = Engine.Evaluate(new CaseloadSnapshot { AsOf = AsOf, Managers = snapshot.Managers, Offenders = offenders, Visits = visits }, new EvaluationOptions { AsOf = AsOf });
        monitor.Current.Findings.Should().Equal(expected.Findings);
        results.SelectMany(static r => r.ClearedFindings).Count(static f => f.Kind == FindingKinds.VisitOverdue).Should().Be(40, "each visit clears its offender's overdue finding exactly once");
    }

    [Fact]
    public void AddSafeguardingRules_Registered_ResolvesMonitorFactoryThatLoads()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();

        var factory = provider.GetRequiredService<ISafeguardingMonitorFactory>();
        var result = factory.Load(Snapshot(Offender("RSO-1", "OM-1")));

        result.IsLoaded.Should().BeTrue();
        result.Monitor!.Current.Findings.Should().Contain(f => f.Id == "VisitOverdue:RSO-1");
    }

    [Fact]
    public void IsLoaded_True_MonitorIsKnownNotNull()
    {
        var loaded = SafeguardingMonitor.Load(Engine, Snapshot(Offender("RSO-1", "OM-1")));

        loaded.IsLoaded.Should().BeTrue();
        if (!loaded.IsLoaded)
        {
            return;
        }

        // No '!': this compiles (warnings are errors) only because IsLoaded tells the compiler Monitor is set, as
        // PolicyReadResult.IsValid, FindingsDocumentReadResult.IsValid and ScenarioLoadResult.IsValid do.
        loaded.Monitor.AsOf.Should().Be(AsOf);
    }

    [Fact]
    public void Factory_SnapshotWithExtractedAtAndNoAsOf_LoadsAsOfTheExtractionDateInTheUk()
    {
        using var provider = new ServiceCollection().AddSafeguardingRules().BuildServiceProvider();
        var extracted = new DateTimeOffset(2018, 5, 1, 23, 30, 0, TimeSpan.Zero); // 00:30 on 2 May in the UK (BST)
        var loaded = Snapshot(Offender("RSO-1", "OM-1"));
        var snapshot = new CaseloadSnapshot { ExtractedAt = extracted, Teams = loaded.Teams, Managers = loaded.Managers, Offenders = loaded.Offenders };

        var result = provider.GetRequiredService<ISafeguardingMonitorFactory>().Load(snapshot);

        result.IsLoaded.Should().BeTrue();
        result.Monitor!.AsOf.Should().Be(new DateOnly(2018, 5, 2), "as documented: the snapshot's asOf, else the UK date of its extractedAt");
    }

    [Fact]
    public void Factory_EngineWithHostRules_Throws()
    {
        using var provider = new ServiceCollection()
            .AddSafeguardingRules(o => o.AddRule<HostRuleForMonitorTests>())
            .BuildServiceProvider();

        var load = () => provider.GetRequiredService<ISafeguardingMonitorFactory>().Load(Snapshot(Offender("RSO-1", "OM-1")));

        load.Should().Throw<NotSupportedException>().WithMessage("*built-in rules only*");
    }

    [Fact]
    public void Apply_ChangeThatFailsUnexpectedly_StopsTheMonitorSoNoLaterCallServesItsState()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));
        monitor.IsFaulted.Should().BeFalse();

        var failing = () => monitor.Apply(new FailingChange("RSO-1"));

        failing.Should().Throw<InvalidOperationException>().WithMessage("A defect while applying*", "the failure itself is rethrown for the host");
        monitor.IsFaulted.Should().BeTrue();
        var later = new Action[]
        {
            () => monitor.Apply(new VisitRecorded(new Visit { OffenderId = "RSO-1", Date = AsOf, Outcome = VisitOutcome.Completed })),
            () => _ = monitor.Current,
            () => _ = monitor.AsOf,
        };
        foreach (var call in later)
        {
            call.Should().Throw<InvalidOperationException>().WithMessage("The monitor stopped*Load a new monitor*");
        }
    }

    [Fact]
    public void Apply_RejectedChange_DoesNotStopTheMonitor()
    {
        var monitor = Load(Offender("RSO-1", "OM-1"));

        var result = monitor.Apply(new VisitRecorded(new Visit { OffenderId = "RSO-NOBODY", Date = AsOf, Outcome = VisitOutcome.Completed }));

        result.IsAccepted.Should().BeFalse();
        monitor.IsFaulted.Should().BeFalse();
        monitor.Current.Findings.Should().Contain(f => f.Id == "VisitOverdue:RSO-1");
    }

    [Fact]
    public void Current_LoadedWithACallersDateAndItsOwnPolicy_HasTheRecordOfItsSnapshotUnderThatPolicy()
    {
        // The drift test loads without a date and under the engine's policy. A caller's date makes T the end of that day
        // (the snapshot's extractedAt no longer counts), and the record's policy and rule catalogue are the monitor's own,
        // taken at load: changing the caller's policy object afterwards changes neither.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 300, Seed = 5, AsOf = AsOf });
        var extracted = new CaseloadSnapshot
        {
            AsOf = AsOf,
            ExtractedAt = new DateTimeOffset(2018, 5, 1, 10, 30, 15, TimeSpan.Zero),
            Teams = generated.Teams,
            Managers = generated.Managers,
            Offenders = generated.Offenders,
            Visits = generated.Visits,
            Briefings = generated.Briefings,
            StrategyDiscussions = generated.StrategyDiscussions,
            Detentions = generated.Detentions,
            PoliceProtections = generated.PoliceProtections,
        };
        var policy = new SafeguardingPolicy { Version = "own", Caseload = new CaseloadPolicy { Target = 3, Critical = 5 } };
        var monitor = SafeguardingMonitor.Load(Engine, extracted, new EvaluationOptions { AsOf = AsOf.AddDays(3), Policy = policy }).Monitor!;
        monitor.Apply(new VisitRecorded(new Visit { OffenderId = generated.Offenders[7].Id, Date = AsOf, Outcome = VisitOutcome.NoAccess })).IsAccepted.Should().BeTrue();
        policy.Caseload.Critical = 9;

        var current = monitor.GetCurrent(out var held);
        var snapshot = held!;
        var unchanged = new SafeguardingPolicy { Version = "own", Caseload = new CaseloadPolicy { Target = 3, Critical = 5 } };
        var full = Engine.Evaluate(snapshot, new EvaluationOptions { Policy = unchanged });

        snapshot.ExtractedAt.Should().BeNull();
        current.Findings.Should().Equal(full.Findings);
        current.Record.Should().BeEquivalentTo(full.Record);
        using var document = new MemoryStream();
        FindingsJson.Write(current, document);
        using var snapshotFile = new MemoryStream();
        SnapshotJson.Write(snapshot, snapshotFile);
        var verified = FindingsVerifier.Verify(document.ToArray(), SnapshotJson.Read(new MemoryStream(snapshotFile.ToArray())), Engine, unchanged);
        verified.Outcome.Should().Be(VerificationOutcome.Verified, verified.Message);
    }

    [Fact]
    public void Current_AfterChanges_WrittenWithItsSnapshotIsVerifiedAndTamperingIsCaught()
    {
        // Contract section 8: every findings document has a record. The monitor's records are a snapshot built in code
        // (GetCurrent gives it with the report); written beside the document, `verify` re-evaluates it and checks the four hashes.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 400, Seed = 12, AsOf = AsOf });
        var monitor = SafeguardingMonitor.Load(Engine, generated).Monitor!;
        var someone = generated.Offenders[7].Id;
        monitor.Apply(new VisitRecorded(new Visit { OffenderId = someone, Date = AsOf, Outcome = VisitOutcome.NoAccess })).IsAccepted.Should().BeTrue();
        monitor.Apply(new OffenderRemoved(generated.Offenders[3].Id)).IsAccepted.Should().BeTrue();
        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(2))).IsAccepted.Should().BeTrue();

        var current = monitor.GetCurrent(out var snapshot);
        using var document = new MemoryStream();
        FindingsJson.Write(current, document);
        using var snapshotFile = new MemoryStream();
        SnapshotJson.Write(snapshot!, snapshotFile);
        var reread = SnapshotJson.Read(new MemoryStream(snapshotFile.ToArray()));

        current.Record.Should().NotBeNull();
        monitor.Current.Should().BeSameAs(current, "no change came between");
        snapshot!.Offenders.Should().HaveCount(generated.Offenders.Count - 1).And.NotContain(o => o.Id == generated.Offenders[3].Id);
        var verified = FindingsVerifier.Verify(document.ToArray(), reread, Engine);
        verified.Outcome.Should().Be(VerificationOutcome.Verified, verified.Message);
        var other = SnapshotJson.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(snapshotFile.ToArray()).Replace("\"NoAccess\"", "\"Completed\"", StringComparison.Ordinal))));
        FindingsVerifier.Verify(document.ToArray(), other, Engine).Outcome.Should().Be(VerificationOutcome.Differs);
    }

    [Fact]
    public async Task GetCurrent_WhileAnotherThreadAppliesChanges_GivesAReportAndTheSnapshotItIsOf()
    {
        // The report and its snapshot are read under one lock: whatever another thread applies, the pair matches.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 200, Seed = 5, AsOf = AsOf });
        var monitor = SafeguardingMonitor.Load(Engine, generated).Monitor!;
        using var stop = new CancellationTokenSource();
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var offender = generated.Offenders[i % generated.Offenders.Count];
                monitor.Apply(new VisitRecorded(new Visit { OffenderId = offender.Id, Date = AsOf.AddDays(-(i % 200)), Outcome = VisitOutcome.Completed }));
            }
        });

        for (var read = 0; read < 20; read++)
        {
            var current = monitor.GetCurrent(out var snapshot);
            Engine.Evaluate(snapshot!).Findings.Should().Equal(current.Findings, "read {0}", read);
        }

        await stop.CancelAsync();
        await writer;
    }

    [Fact]
    public void Apply_LaterChanges_LeaveTheReasonsOfFindingsAlreadyGivenAsTheyWereMade()
    {
        // A finding writes its reason when it is read, from values copied when it was made; the monitor then changes its
        // facts in place (a reassignment makes OM-1 critical, a visit moves RSO-1's dates, a new day moves every count).
        // The findings taken before must still read as a full evaluation of the snapshot they were made from does.
        var snapshot = Snapshot(
            Offender("RSO-1", "OM-1", RiskLevel.Low) with { NeighbourhoodId = "N-1", RiskAssessedOn = null },
            Offender("RSO-2", "OM-1", RiskLevel.High) with { NeighbourhoodId = "N-2" },
            Offender("RSO-3", null, RiskLevel.Low, overdue: false));
        var expected = Engine.Evaluate(snapshot, new EvaluationOptions { AsOf = AsOf }).Findings.Select(static f => (f.Id, f.Reason)).ToList();
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;
        var taken = monitor.Current.Findings.ToList();

        monitor.Apply(new OffenderReassigned("RSO-3", "OM-1")).IsAccepted.Should().BeTrue();
        monitor.Apply(new VisitRecorded(new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-1), Outcome = VisitOutcome.Completed })).IsAccepted.Should().BeTrue();
        monitor.Apply(new AsOfAdvanced(AsOf.AddDays(1))).IsAccepted.Should().BeTrue();

        expected.Select(static f => f.Id).Should().Contain(["VisitOverdue:RSO-1", "VisitOverdue:RSO-2", "RiskReviewOverdue:RSO-1", "NeighbourhoodNotBriefed:RSO-1:N-1"]);
        taken.Select(static f => (f.Id, f.Reason)).Should().Equal(expected);
        var reassigned = Snapshot(snapshot.Offenders[0], snapshot.Offenders[1], snapshot.Offenders[2] with { ManagerId = "OM-1" });
        var after = new CaseloadSnapshot
        {
            AsOf = AsOf,
            Teams = reassigned.Teams,
            Managers = reassigned.Managers,
            Offenders = reassigned.Offenders,
            Visits = [new Visit { OffenderId = "RSO-1", Date = AsOf.AddDays(-1), Outcome = VisitOutcome.Completed }],
        };
        monitor.Current.Findings.Should().Equal(Engine.Evaluate(after, new EvaluationOptions { AsOf = AsOf.AddDays(1) }).Findings);
    }

    [Theory]
    [InlineData("array")]
    [InlineData("list")]
    [InlineData("other")]
    public void Load_VisitsAndBriefingsInAnyReadOnlyList_GivesEachOffenderItsOwnAsAFullEvaluationDoes(string given)
    {
        // A load groups the visits and briefings by offender from the list it is given (read as a span when it is a List,
        // item by item otherwise); visits in no particular order, so each offender's are spread over the list. A visit
        // recorded later goes to the offender's own records, whether it had any at the load or none.
        var generated = SyntheticCaseload.Generate(new SyntheticCaseloadOptions { Offenders = 300, Seed = 8, AsOf = AsOf });
        var visits = generated.Visits.OrderBy(static v => v.Date).ThenBy(static v => v.OffenderId, StringComparer.Ordinal).ToList();
        var briefings = generated.Briefings.Reverse().ToList();
        var snapshot = generated.With(visits: ListOf(visits, given), briefings: ListOf(briefings, given));
        var monitor = SafeguardingMonitor.Load(Engine, snapshot).Monitor!;

        monitor.Current.Findings.Should().Equal(Engine.Evaluate(generated).Findings);
        var withVisits = generated.Offenders.First(o => visits.Exists(v => v.OffenderId == o.Id) && o.RegisteredOn <= AsOf).Id;
        var withNone = generated.Offenders.First(o => !visits.Exists(v => v.OffenderId == o.Id) && o.RegisteredOn <= AsOf).Id;
        Visit[] recorded =
        [
            new() { OffenderId = withVisits, Date = AsOf, Outcome = VisitOutcome.Completed },
            new() { OffenderId = withNone, Date = AsOf.AddDays(-1), Outcome = VisitOutcome.Completed },
        ];
        foreach (var visit in recorded)
        {
            monitor.Apply(new VisitRecorded(visit)).IsAccepted.Should().BeTrue();
        }

        monitor.Current.Findings.Should().Equal(Engine.Evaluate(generated.With(visits: [.. generated.Visits, .. recorded])).Findings);
    }

    private static IReadOnlyList<T> ListOf<T>(List<T> items, string given) => given switch
    {
        "array" => items.ToArray(),
        "list" => items,
        _ => items.AsReadOnly(),
    };

    private static SafeguardingMonitor Load(params Offender[] offenders) => SafeguardingMonitor.Load(Engine, Snapshot(offenders)).Monitor!;

    private static CaseloadSnapshot Snapshot(params Offender[] offenders) => new()
    {
        AsOf = AsOf,
        Teams = [new Team { Id = "T-1" }],
        Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }, new Manager { Id = "OM-2", TeamId = "T-1" }, new Manager { Id = "OM-3", TeamId = "T-1" }, new Manager { Id = "OM-4", TeamId = "T-1" }],
        Offenders = offenders,
    };

    /// <summary>An offender registered 40 days ago and never visited (12 days overdue), or registered yesterday (not yet due).</summary>
    private static Offender Offender(string id, string? managerId, RiskLevel risk = RiskLevel.Medium, bool overdue = true) => new()
    {
        Id = id,
        ManagerId = managerId,
        RiskLevel = risk,
        RegisteredOn = overdue ? AsOf.AddDays(-40) : AsOf.AddDays(-1),
        RiskAssessedOn = AsOf.AddDays(-10),
    };
}
