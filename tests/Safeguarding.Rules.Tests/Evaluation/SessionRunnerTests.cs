using NRules.Fluent.Dsl;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Serialization;
using Safeguarding.Rules.Synthetic;
using Safeguarding.Rules.Tests.Support;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Tests.Evaluation;

/// <summary>
/// Two ways to get results out of a session. With only built-in rules loaded, the engine collects findings beside the
/// session and reads the rules that fired from their traces; with host rules loaded (they may match findings, and may
/// act without a trace), findings are linked facts and the engine listens to every firing. Both must agree, and in any
/// session outside the engine's own, a finding must follow its match as a linked fact does.
/// </summary>
public sealed class SessionRunnerTests
{
    public static TheoryData<int, bool, string?> Cases => new()
    {
        { 1, false, null },
        { 2, true, null },
        { 3, true, RuleTags.Escalation }, // VisitOverdue fires, but no escalation finding names it
        { 4, false, RuleTags.Visits },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CollectedBesideTheSession_IsTheSameReportAsFindingsAsFacts(int seed, bool withRejectedRecords, string? disabledTag)
    {
        var snapshot = SyntheticCaseload.Generate(4000, (ulong)seed);
        if (withRejectedRecords)
        {
            snapshot = WithRejectedRecords(snapshot);
        }

        var evaluation = new EvaluationOptions { AllowPartialResults = true };

        var collected = Engine(disabledTag, withHostRule: false).Evaluate(snapshot, evaluation);
        var asFacts = Engine(disabledTag, withHostRule: true).Evaluate(snapshot, evaluation);

        collected.Findings.Should().NotBeEmpty().And.Equal(asFacts.Findings);
        collected.Summary.Should().BeEquivalentTo(asFacts.Summary);
        collected.FiredRules.Should().BeEquivalentTo(asFacts.FiredRules);
        if (withRejectedRecords)
        {
            collected.FiredRules.Should().Contain(RuleNames.DataQuality);
        }

        if (disabledTag == RuleTags.Escalation)
        {
            collected.FiredRules.Should().Contain(RuleNames.VisitOverdue);
        }
    }

    [Fact]
    public void Evaluate_PartitionsOnSeveralThreads_ListsTheFiredRulesInOrdinalOrder()
    {
        // The partitions' threads add the rules that fired in whatever order they get to them; the report's set must not
        // carry that order (a warmed-up and a cold engine compared their reports' sets in order and differed).
        var snapshot = SyntheticCaseload.Generate(3000, seed: 36);
        var report = new SafeguardingEngine(new SafeguardingRulesOptions { MaxDegreeOfParallelism = 2, PartitionSize = 100 }).Evaluate(snapshot);

        report.FiredRules.Count.Should().BeGreaterThan(10);
        report.FiredRules.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void InAHostsOwnSession_AFindingIsALinkedFact_ThatFollowsItsMatch()
    {
        var engine = new SafeguardingEngine();
        var snapshot = new CaseloadSnapshot
        {
            AsOf = new DateOnly(2018, 5, 1),
            Managers = [new Manager { Id = "OM-1", TeamId = "T-1" }],
            Offenders =
            [
                new Offender { Id = "RSO-1", ManagerId = "OM-1", RiskLevel = RiskLevel.High, RegisteredOn = new DateOnly(2010, 1, 1), RiskAssessedOn = new DateOnly(2018, 4, 1) },
                new Offender { Id = "RSO-2", RiskLevel = RiskLevel.Low, RegisteredOn = new DateOnly(2010, 1, 1), RiskAssessedOn = new DateOnly(2018, 4, 1) },
            ],
        };
        var facts = FactsOf(snapshot);
        var session = engine.SessionFactory.CreateSession();
        session.InsertAll(facts);
        session.Fire();

        // As facts, the same findings as the engine collects: both never visited (overdue), RSO-2 unallocated, and
        // T-1's backlog. Four, so that the next steps can tell a replaced finding from an added one.
        var evaluated = engine.Evaluate(snapshot).Findings.Select(f => (f.Kind, f.OffenderId)).ToList();
        evaluated.Should().HaveCount(4);
        Findings(session).Should().BeEquivalentTo(evaluated);

        // The same match again: the finding is replaced, not added.
        var unallocated = facts.OfType<OffenderCase>().Single(o => o.Id == "RSO-2");
        session.Update(unallocated);
        session.Fire();
        Findings(session).Should().BeEquivalentTo(evaluated);

        // The matches gone: the findings go with them (the backlog with the last overdue visit).
        session.Retract(unallocated);
        session.Retract(facts.OfType<OffenderCase>().Single(o => o.Id == "RSO-1"));
        session.Fire();
        Findings(session).Should().BeEmpty();
    }

    [Fact]
    public void Collected_AFindingGivenAgainForTheSameRuleAndSubject_ReplacesTheEarlierOne()
    {
        var collector = new FindingCollector();
        var first = new Finding { Kind = FindingKinds.UnitBacklog, Rule = RuleNames.UnitBacklog, Reason = "3 overdue", TeamId = "T-1", OverdueVisits = 3 };
        var again = first with { Reason = "4 overdue", OverdueVisits = 4 };
        var otherTeam = first with { TeamId = "T-2" };

        collector.Raise(first);
        collector.Raise(otherTeam);
        collector.Raise(again);

        collector.Findings.Should().BeEquivalentTo(new[] { again, otherTeam });
    }

    [Fact]
    public void SameRuleAndSubject_ChildProtectionFindingsOfOneRuleAboutTwoRecords_AreNotEqual()
    {
        // Equal, they would share a collector slot whenever their hashes collided, and one would be lost.
        var first = new Finding { Kind = FindingKinds.StrategyActionOverdue, Rule = RuleNames.StrategyActionOverdue, Reason = "r", TeamId = "T-1", DiscussionId = "SD-1", ActionId = "A-1", DaysOverdue = 3 };
        var otherAction = first with { ActionId = "A-2" };
        var otherDiscussion = first with { DiscussionId = "SD-2" };
        var sameAgain = first with { Reason = "r again", DaysOverdue = 4 };
        var comparer = FindingCollector.SameRuleAndSubject.Instance;

        comparer.Equals(first, otherAction).Should().BeFalse();
        comparer.Equals(first, otherDiscussion).Should().BeFalse();
        comparer.Equals(first, sameAgain).Should().BeTrue();
        comparer.GetHashCode(sameAgain).Should().Be(comparer.GetHashCode(first));
    }

    private static List<object> FactsOf(CaseloadSnapshot snapshot)
    {
        var records = new RecordAggregates(snapshot.Offenders, snapshot.AsOf!.Value);
        var input = SnapshotValidator.Validate(SnapshotReadResult.FromCode(snapshot), observer: records);
        input.Problems.Should().BeEmpty();
        return FactBuilder.Build(input, records.Complete(), snapshot.AsOf!.Value, PolicyView.Default, includeRejected: false, partitionSize: int.MaxValue)
            .Partitions.SelectMany(p => p.CreateFacts(MatchFilter.None)).ToList();
    }

    private static IEnumerable<(string Kind, string? OffenderId)> Findings(NRules.ISession session) =>
        session.Query<Finding>().AsEnumerable().Select(f => (f.Kind, f.OffenderId)).ToList();

    /// <summary>Every 150th offender gets an interval out of range, so it is rejected and <c>DataQuality</c> fires.</summary>
    private static CaseloadSnapshot WithRejectedRecords(CaseloadSnapshot snapshot) =>
        snapshot.With(offenders: snapshot.Offenders.Select((o, i) => i % 150 == 0 ? o with { VisitIntervalDays = 0 } : o).ToList());

    private static SafeguardingEngine Engine(string? disabledTag, bool withHostRule)
    {
        var options = new SafeguardingRulesOptions { PartitionSize = 300 };
        if (disabledTag is not null)
        {
            options.DisableTag(disabledTag);
        }

        if (withHostRule)
        {
            options.AddRule<NeverFiresRule>();
        }

        return new SafeguardingEngine(options);
    }

    /// <summary>A host rule that matches nothing: loading it is enough to make findings facts.</summary>
    [Name("NeverFires")]
    public sealed class NeverFiresRule : Rule
    {
        public override void Define()
        {
            OffenderCase offender = null!;

            When()
                .Match(() => offender, o => o.Id == "no such offender");

            Then()
                .Do(_ => NoOp());
        }

        private static void NoOp()
        {
        }
    }
}
