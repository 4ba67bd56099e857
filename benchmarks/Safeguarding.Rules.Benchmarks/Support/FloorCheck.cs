using System.Globalization;
using Safeguarding.Rules.Benchmarks.Baselines;

namespace Safeguarding.Rules.Benchmarks.Support;

/// <summary>
/// Compares the fast floor's report with the engine's before any timing: the summary (every count, escalation, outcome),
/// the findings (every field but the reason's wording, with their ids, in order) and the suppressed findings.
/// </summary>
public static class FloorCheck
{
    /// <summary>The differences between the floor's report and the engine's; empty when they agree.</summary>
    /// <param name="floor">The floor's report.</param>
    /// <param name="engine">The engine's report of the same input.</param>
    /// <param name="limit">How many differing findings to describe at most.</param>
    /// <returns>One line per difference.</returns>
    public static IReadOnlyList<string> Differences(FloorReport floor, EvaluationReport engine, int limit = 5)
    {
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentNullException.ThrowIfNull(engine);
        var differences = new List<string>();
        if (floor.IsEvaluated != engine.IsEvaluated || floor.ProblemCount != engine.Problems.Count)
        {
            differences.Add(Text($"evaluated {floor.IsEvaluated} with {floor.ProblemCount} problems vs {engine.IsEvaluated} with {engine.Problems.Count}"));
            return differences;
        }

        var a = floor.Summary;
        var b = engine.Summary;
        Same("offenders", a.Offenders, b.Offenders);
        Same("evaluated", a.Evaluated, b.Evaluated);
        Same("rejected", a.Rejected, b.Rejected);
        Same("notYetRegistered", a.NotYetRegistered, b.NotYetRegistered);
        Same("suppressed", a.Suppressed, b.Suppressed);
        foreach (var kind in FindingKinds.All)
        {
            Same(kind, a.Count(kind), b.Count(kind));
        }

        foreach (var level in (ReadOnlySpan<EscalationLevel>)[EscalationLevel.OffenderManager, EscalationLevel.Supervisor, EscalationLevel.DetectiveInspector])
        {
            Same("escalations." + level, a.Escalations.GetValueOrDefault(level), b.Escalations.GetValueOrDefault(level));
        }

        var x = a.Outcomes;
        var y = b.Outcomes;
        Same("visitedWithinPolicyPercent", string.Join(",", x.VisitedWithinPolicyPercent.OrderBy(static p => p.Key)), string.Join(",", y.VisitedWithinPolicyPercent.OrderBy(static p => p.Key)));
        Same("daysOverdue", (x.MedianDaysOverdue, x.MaxDaysOverdue), (y.MedianDaysOverdue, y.MaxDaysOverdue));
        Same("strategyOutcomesRecordedOnTimePercent", x.StrategyOutcomesRecordedOnTimePercent, y.StrategyOutcomesRecordedOnTimePercent);
        Same("appropriateAdultWaitMinutes", (x.MedianAppropriateAdultWaitMinutes, x.MaxAppropriateAdultWaitMinutes), (y.MedianAppropriateAdultWaitMinutes, y.MaxAppropriateAdultWaitMinutes));

        Findings("findings", floor.Findings, engine.Findings);
        Findings("suppressed", floor.Suppressed.Select(static s => s.Finding with { OverrideExpiredOn = s.Until, Rule = s.Finding.Rule + "/" + s.OverrideId }).ToList(), engine.Suppressed.Select(static s => s.Finding with { OverrideExpiredOn = s.Until, Rule = s.Finding.Rule + "/" + s.OverrideId }).ToList());
        return differences;

        void Same<T>(string name, T mine, T theirs)
        {
            if (!EqualityComparer<T>.Default.Equals(mine, theirs))
            {
                differences.Add(Text($"{name}: floor {mine} vs engine {theirs}"));
            }
        }

        void Findings(string name, IReadOnlyList<Finding> mine, IReadOnlyList<Finding> theirs)
        {
            Same(name + ".Count", mine.Count, theirs.Count);
            var described = 0;
            for (var i = 0; i < Math.Min(mine.Count, theirs.Count) && described < limit; i++)
            {
                if (mine[i] with { Reason = string.Empty } != theirs[i] with { Reason = string.Empty } || mine[i].Id != theirs[i].Id)
                {
                    differences.Add(Text($"{name}[{i}]: floor {mine[i] with { Reason = string.Empty }} vs engine {theirs[i] with { Reason = string.Empty }}"));
                    described++;
                }
            }
        }
    }

    /// <summary>Throws unless the floor and the engine agree (see <see cref="Differences"/>).</summary>
    /// <param name="floor">The floor's report.</param>
    /// <param name="engine">The engine's report of the same input.</param>
    /// <param name="what">The input, for the message.</param>
    /// <exception cref="InvalidOperationException">They differ.</exception>
    public static void EnsureSame(FloorReport floor, EvaluationReport engine, string what)
    {
        var differences = Differences(floor, engine);
        if (differences.Count > 0)
        {
            throw new InvalidOperationException("The fast floor and the engine disagree on " + what + ", so timing them would compare different work: " + string.Join("; ", differences));
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
