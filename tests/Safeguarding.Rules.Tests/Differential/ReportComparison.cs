using System.Globalization;
using System.Text;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Evaluation;
using Safeguarding.Rules.TestSupport.Oracle;
using Xunit.Sdk;

namespace Safeguarding.Rules.Tests.Differential;

/// <summary>Compares the engine's report with the oracle's, finding by finding and figure by figure, and explains any difference.</summary>
internal static class ReportComparison
{
    private const int Window = 3;
    private const int ListLimit = 12;

    /// <summary>Throws with a readable diff when the engine's report differs from the oracle's.</summary>
    /// <param name="engine">The engine's report.</param>
    /// <param name="oracle">The oracle's report.</param>
    /// <param name="context">What was evaluated (seed, size), printed first on failure.</param>
    public static void AssertSame(EvaluationReport engine, OracleReport oracle, string context)
    {
        var difference = Difference(engine, oracle);
        if (difference is not null)
        {
            throw new XunitException($"Engine and oracle differ ({context}).{Environment.NewLine}{difference}");
        }
    }

    /// <summary>A description of every difference, or <see langword="null"/> when the reports agree.</summary>
    /// <param name="engine">The engine's report.</param>
    /// <param name="oracle">The oracle's report.</param>
    /// <returns>The differences, readable; <see langword="null"/> when none.</returns>
    public static string? Difference(EvaluationReport engine, OracleReport oracle)
    {
        var text = new StringBuilder();
        if (!engine.IsEvaluated)
        {
            text.AppendLine("The engine did not evaluate the snapshot; its problems:");
            foreach (var problem in engine.Problems.Take(ListLimit))
            {
                text.Append("  ").AppendLine(problem.ToString());
            }

            return text.ToString();
        }

        CompareSummary(engine.Summary, oracle, text);
        CompareFindings(engine.Findings, oracle.Findings, text);
        CompareSuppressed(engine.Suppressed, oracle.Suppressed, text);
        return text.Length == 0 ? null : text.ToString();
    }

    private static void CompareSummary(EvaluationSummary engine, OracleReport oracle, StringBuilder text)
    {
        Figure(text, "offenders", engine.Offenders, oracle.Offenders);
        Figure(text, "evaluated", engine.Evaluated, oracle.Evaluated);
        Figure(text, "rejected", engine.Rejected, oracle.Rejected);
        Figure(text, "notYetRegistered", engine.NotYetRegistered, oracle.NotYetRegistered);
        foreach (var kind in OracleFindingOrder.KindsInTableOrder)
        {
            Figure(text, kind, engine.Count(kind), oracle.Count(kind));
        }

        foreach (var level in Enum.GetValues<EscalationLevel>())
        {
            Figure(text, "escalations." + level, engine.Escalations.GetValueOrDefault(level), oracle.Escalations.GetValueOrDefault(level));
        }

        foreach (var level in Enum.GetValues<RiskLevel>())
        {
            decimal? engineShare = engine.Outcomes.VisitedWithinPolicyPercent.TryGetValue(level, out var e) ? e : null;
            decimal? oracleShare = oracle.VisitedWithinPolicyPercent.TryGetValue(level, out var o) ? o : null;
            Figure(text, "visitedWithinPolicyPercent." + level, engineShare, oracleShare);
        }

        Figure(text, "daysOverdue.median", engine.Outcomes.MedianDaysOverdue, oracle.MedianDaysOverdue);
        Figure(text, "daysOverdue.max", engine.Outcomes.MaxDaysOverdue, oracle.MaxDaysOverdue);
        Figure(text, "strategyOutcomesRecordedOnTimePercent", engine.Outcomes.StrategyOutcomesRecordedOnTimePercent, oracle.StrategyOutcomesRecordedOnTimePercent);
        Figure(text, "appropriateAdultWaitMinutes.median", engine.Outcomes.MedianAppropriateAdultWaitMinutes, oracle.MedianAppropriateAdultWaitMinutes);
        Figure(text, "appropriateAdultWaitMinutes.max", engine.Outcomes.MaxAppropriateAdultWaitMinutes, oracle.MaxAppropriateAdultWaitMinutes);
        Figure(text, "suppressed", engine.Suppressed, oracle.Suppressed.Count);
    }

    private static void CompareSuppressed(IReadOnlyList<SuppressedFinding> engine, IReadOnlyList<SuppressedFinding> oracle, StringBuilder text)
    {
        static string Line(SuppressedFinding s) =>
            ContractFields.Of(s.Finding) + " overrideId=" + s.OverrideId + " until=" + s.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var engineLines = engine.Select(Line).ToList();
        var oracleLines = oracle.Select(Line).ToList();
        if (!engineLines.SequenceEqual(oracleLines, StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"Suppressed: engine {engineLines.Count}, oracle {oracleLines.Count}").AppendLine();
            foreach (var line in engineLines.Except(oracleLines, StringComparer.Ordinal).Take(ListLimit))
            {
                text.Append("  only in the engine: ").AppendLine(line);
            }

            foreach (var line in oracleLines.Except(engineLines, StringComparer.Ordinal).Take(ListLimit))
            {
                text.Append("  only in the oracle: ").AppendLine(line);
            }
        }
    }

    private static void Figure<T>(StringBuilder text, string name, T engine, T oracle)
    {
        if (!EqualityComparer<T>.Default.Equals(engine, oracle))
        {
            text.Append(CultureInfo.InvariantCulture, $"summary.{name}: engine {Show(engine)}, oracle {Show(oracle)}").AppendLine();
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "absent",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "absent",
    };

    private static void CompareFindings(IReadOnlyList<Finding> engineFindings, IReadOnlyList<Finding> oracleFindings, StringBuilder text)
    {
        // Each finding's contract fields and its id: the engine's as it writes it, the oracle's computed from section 7.
        var engine = engineFindings.Select(static f => ContractFields.Of(f).Text + " id=" + f.Id).ToList();
        var oracle = oracleFindings.Select(static f => ContractFields.Of(f).Text + " id=" + ReferenceEvaluator.IdOf(f)).ToList();
        var first = 0;
        while (first < engine.Count && first < oracle.Count && string.Equals(engine[first], oracle[first], StringComparison.Ordinal))
        {
            first++;
        }

        if (first == engine.Count && first == oracle.Count)
        {
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"Findings: engine {engine.Count}, oracle {oracle.Count}; first difference at position {first}.").AppendLine();
        var from = Math.Max(0, first - 1);
        text.AppendLine("  engine from there:");
        foreach (var finding in engine.Skip(from).Take(Window + 1))
        {
            text.Append("    ").AppendLine(finding.ToString());
        }

        text.AppendLine("  oracle from there:");
        foreach (var finding in oracle.Skip(from).Take(Window + 1))
        {
            text.Append("    ").AppendLine(finding.ToString());
        }

        var engineSet = engine.ToHashSet(StringComparer.Ordinal);
        var oracleSet = oracle.ToHashSet(StringComparer.Ordinal);
        var onlyEngine = engine.Where(f => !oracleSet.Contains(f)).ToList();
        var onlyOracle = oracle.Where(f => !engineSet.Contains(f)).ToList();
        if (onlyEngine.Count == 0 && onlyOracle.Count == 0)
        {
            text.AppendLine("  The same findings, in a different order.");
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"  only in the engine ({onlyEngine.Count}):").AppendLine();
        foreach (var finding in onlyEngine.Take(ListLimit))
        {
            text.Append("    ").AppendLine(finding.ToString());
        }

        text.Append(CultureInfo.InvariantCulture, $"  only in the oracle ({onlyOracle.Count}):").AppendLine();
        foreach (var finding in onlyOracle.Take(ListLimit))
        {
            text.Append("    ").AppendLine(finding.ToString());
        }
    }
}
