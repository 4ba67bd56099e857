using System.Globalization;
using CsCheck;
using Safeguarding.Rules.Changes;
using Safeguarding.Rules.Monitoring;
using Safeguarding.Rules.Policies;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// The monitor never drifts from a full evaluation: random sequences of hundreds of changes over generated caseloads
/// (with overrides, child-protection records, an <c>extractedAt</c> or not, and with partial results some rejected
/// child-protection records), and after each change the monitor's report (suppressed findings, summary, outcome
/// measures, problems included) equals a full evaluation of the snapshot with the same changes applied, and the changes
/// it returned equal the section 7 comparison of the two full reports (less the unchanged findings), its suppressed
/// findings the ones new or different in the full report's <c>suppressed</c>.
/// On failure the message names the seed (replay with the environment variable CsCheck_Seed), the step and the change.
/// </summary>
public sealed class MonitorDriftTests
{
    /// <summary>Cases per partition size.</summary>
    private const int Cases = 2;
    private const int Steps = 200;

    /// <summary>
    /// Caseload thresholds near the generated managers' caseloads, so reassignments make managers critical and not, and a
    /// backlog threshold near the generated overdue rate, so teams go in and out of backlog; overrides may also name
    /// appropriate-adult delays (a kind the default policy does not list, so the monitor must check with this policy),
    /// and a non-working day near the generated as-of dates moves strategy-outcome deadlines.
    /// </summary>
    private static readonly SafeguardingPolicy Policy = new()
    {
        Version = "drift",
        Caseload = new CaseloadPolicy { Target = 18, Critical = 22 },
        Escalation = new EscalationPolicy { UnitBacklogPercent = 6 },
        Overrides = new OverridePolicy { Kinds = [.. OverridePolicy.DefaultKinds, FindingKinds.AppropriateAdultDelayed] },
        ChildProtection = new ChildProtectionPolicy { NonWorkingDays = [new DateOnly(2018, 4, 27), new DateOnly(2018, 5, 4)] },
    };

    private static readonly SafeguardingEngine Engine = new(new SafeguardingRulesOptions { Policy = Policy });

    /// <summary>
    /// The partition sizes the monitor's engine packs its teams' sessions by (the full evaluation keeps the default): one
    /// offender fact (about a session per team, so reassignments and managers move facts between sessions), a few teams
    /// per session, and the default (every generated team in one session).
    /// </summary>
    private static readonly int[] PartitionSizes = [1, 16, new SafeguardingRulesOptions().PartitionSize];

    /// <summary>The monitor's engine for each of <see cref="PartitionSizes"/>: the default's is the full evaluation's own.</summary>
    private static readonly SafeguardingEngine[] MonitorEngines = [.. PartitionSizes[..^1].Select(static size => new SafeguardingEngine(new SafeguardingRulesOptions { Policy = Policy, PartitionSize = size })), Engine];

    /// <param name="packing">Which of <see cref="PartitionSizes"/> the monitor's sessions are packed by.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Apply_RandomChangeSequences_MatchesFullEvaluationAfterEveryChange(int packing)
    {
        Gen.Select(Gen.ULong, Gen.Int[200, 500], Gen.Bool, Gen.Bool, Gen.Bool)
            .Sample((seed, offenders, listTeams, extracted, partial) => Drive(seed, offenders, listTeams, extracted, partial, packing), iter: Math.Max(Cases, Check.Iter), threads: 1, print: static c => c.ToString());
    }

    private static void Drive(ulong seed, int offenders, bool listTeams, bool extracted, bool partial, int packing)
    {
        var generated = new CaseloadGenerator(new SyntheticCaseloadOptions { Offenders = offenders, Seed = seed, OffendersPerManager = 20, ManagersPerTeam = 3, OverridesPerThousand = 40 }).Generate();
        var random = new Random(unchecked((int)seed));
        var asOf = generated.AsOf!.Value;

        // The extraction instant on the as-of date (UTC 02:00-22:00 is that date in UK local time in every season).
        DateTimeOffset? extractedAt = extracted ? new DateTimeOffset(asOf.ToDateTime(new TimeOnly(2, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 1200)) : null;
        var seedModel = new MonitorModel(new Domain.CaseloadSnapshot { AsOf = asOf, ExtractedAt = extractedAt, Teams = listTeams ? generated.Teams : null }, asOf);
        var childProtection = new ChildProtectionChanges(random) { Model = seedModel };
        var (discussions, detentions, protections) = childProtection.Initial(partial);
        var snapshot = new Domain.CaseloadSnapshot
        {
            AsOf = asOf,
            ExtractedAt = extractedAt,
            Teams = listTeams ? generated.Teams : null,
            Managers = generated.Managers,
            Offenders = generated.Offenders,
            Visits = generated.Visits,
            Briefings = generated.Briefings,
            StrategyDiscussions = [.. generated.StrategyDiscussions, .. discussions],
            Detentions = [.. generated.Detentions, .. detentions],
            PoliceProtections = [.. generated.PoliceProtections, .. protections],
            Overrides = generated.Overrides,
        };
        var options = new EvaluationOptions { AllowPartialResults = partial };
        var loaded = SafeguardingMonitor.Load(MonitorEngines[packing], snapshot, options);
        loaded.IsLoaded.Should().BeTrue(string.Join("; ", loaded.Problems));
        loaded.Problems.Should().HaveCount(partial ? 3 : 0);
        var monitor = loaded.Monitor!;
        var model = new MonitorModel(snapshot, asOf);
        var previous = Evaluate(model, partial);
        AssertSameReport(monitor.Current, previous, $"seed {seed}, after loading");

        childProtection.Model = model;
        var changes = new ChangeGenerator(random, model, childProtection, Policy.Overrides.Kinds.ToList()) { Report = previous };
        for (var step = 0; step < Steps; step++)
        {
            var (change, valid) = changes.Next();
            var context = $"seed {seed}, {offenders} offenders, teams listed {listTeams}, extractedAt {extractedAt}, partial {partial}, partition size {PartitionSizes[packing]}, step {step.ToString(CultureInfo.InvariantCulture)}: {change}";
            var result = monitor.Apply(change);
            result.IsAccepted.Should().Be(valid, "{0}; problems: {1}", context, string.Join("; ", result.Problems));
            if (!valid)
            {
                result.Problems.Should().NotBeEmpty();
                result.Findings.Should().BeEmpty();
                result.ClearedFindings.Should().BeEmpty();
                if (!monitor.Current.Findings.SequenceEqual(previous.Findings))
                {
                    monitor.Current.Findings.Should().Equal(previous.Findings, "a rejected change changes nothing ({0})", context);
                }

                continue;
            }

            model.Apply(change);
            var full = Evaluate(model, partial);
            AssertSameReport(monitor.Current, full, context);
            AssertSameChanges(result, FindingChanges.Compare(full, previous), context);
            var newlySuppressed = full.Suppressed.Where(s => !previous.Suppressed.Contains(s)).ToList();
            if (!result.Suppressed.SequenceEqual(newlySuppressed))
            {
                result.Suppressed.Should().Equal(newlySuppressed, context);
            }

            previous = changes.Report = full;
        }

        // The records as they stand, as one snapshot: its full evaluation gives the current report and the same decision
        // record (contract section 8), so a document of the monitor's findings verifies against it.
        var current = monitor.GetCurrent(out var equivalent);
        if (partial)
        {
            equivalent.Should().BeNull("the rejected child-protection records are kept only as their findings");
            current.Record.Should().BeNull();
            return;
        }

        var ofSnapshot = Engine.Evaluate(equivalent!);
        AssertSameReport(current, ofSnapshot, $"seed {seed}, the current snapshot");
        current.Record.Should().BeEquivalentTo(ofSnapshot.Record, $"seed {seed}");
    }

    private static EvaluationReport Evaluate(MonitorModel model, bool partial)
    {
        var report = Engine.Evaluate(model.Snapshot(), new EvaluationOptions { AsOf = model.CallerAsOf, AllowPartialResults = partial });
        report.IsEvaluated.Should().BeTrue(string.Join("; ", report.Problems));
        return report;
    }

    /// <summary>Cheap comparisons first (this runs after every change); the assertion library only to explain a difference.</summary>
    private static void AssertSameReport(EvaluationReport monitor, EvaluationReport full, string context)
    {
        monitor.AsOf.Should().Be(full.AsOf, context);
        monitor.AsOfInstant.Should().Be(full.AsOfInstant, context);
        monitor.PolicyVersion.Should().Be(full.PolicyVersion, context);
        if (!monitor.Findings.SequenceEqual(full.Findings))
        {
            monitor.Findings.Should().Equal(full.Findings, context);
        }

        if (!monitor.Suppressed.SequenceEqual(full.Suppressed))
        {
            monitor.Suppressed.Should().Equal(full.Suppressed, context);
        }

        if (!monitor.Problems.SequenceEqual(full.Problems))
        {
            monitor.Problems.Should().Equal(full.Problems, context);
        }

        if (SummaryText(monitor.Summary) != SummaryText(full.Summary))
        {
            monitor.Summary.Should().BeEquivalentTo(full.Summary, context);
        }

        if (!monitor.FiredRules.SetEquals(full.FiredRules))
        {
            monitor.FiredRules.Should().BeEquivalentTo(full.FiredRules, context);
        }
    }

    private static string SummaryText(EvaluationSummary summary) => string.Join(
        ";",
        summary.Offenders,
        summary.Evaluated,
        summary.Rejected,
        summary.NotYetRegistered,
        string.Join(",", summary.FindingsByKind.Select(static k => k.Key + "=" + k.Value)),
        string.Join(",", summary.Escalations.Select(static k => k.Key + "=" + k.Value)),
        string.Join(",", summary.Outcomes.VisitedWithinPolicyPercent.Select(static k => k.Key + "=" + k.Value.ToString(CultureInfo.InvariantCulture))),
        summary.Outcomes.MedianDaysOverdue?.ToString(CultureInfo.InvariantCulture),
        summary.Outcomes.MaxDaysOverdue,
        summary.Suppressed,
        summary.Outcomes.StrategyOutcomesRecordedOnTimePercent?.ToString(CultureInfo.InvariantCulture),
        summary.Outcomes.MedianAppropriateAdultWaitMinutes?.ToString(CultureInfo.InvariantCulture),
        summary.Outcomes.MaxAppropriateAdultWaitMinutes);

    private static void AssertSameChanges(MonitorResult result, ChangeReport expected, string context)
    {
        var changed = expected.Current.Select((finding, i) => (Finding: finding, Change: expected.Changes[i]))
            .Where(static c => c.Change != ChangeKind.Unchanged)
            .ToList();
        if (!result.Findings.SequenceEqual(changed.Select(static c => c.Finding)) || !result.Changes.SequenceEqual(changed.Select(static c => c.Change)))
        {
            result.Findings.Should().Equal(changed.Select(static c => c.Finding), context);
            result.Changes.Should().Equal(changed.Select(static c => c.Change), context);
        }

        if (!result.ClearedFindings.SequenceEqual(expected.ClearedFindings))
        {
            result.ClearedFindings.Should().Equal(expected.ClearedFindings, context);
        }

        (result.Raised, result.Escalated, result.Changed, result.Cleared).Should().Be((expected.Raised, expected.Escalated, expected.Changed, expected.Cleared), context);
    }
}
