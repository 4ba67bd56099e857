using Safeguarding.Rules.Changes;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// What one <see cref="MonitorChange"/> did: accepted, with the findings it raised, escalated, changed and cleared
/// (contract section 7, between the findings before the change and after it); or rejected, with every problem, and
/// nothing changed.
/// </summary>
public sealed class MonitorResult
{
    internal MonitorResult(DateOnly asOf, IReadOnlyList<ChangeProblem> problems, IReadOnlyList<Finding> findings, IReadOnlyList<ChangeKind> changes, IReadOnlyList<Finding> cleared, IReadOnlyList<SuppressedFinding> suppressed)
    {
        Suppressed = suppressed;
        AsOf = asOf;
        Problems = problems;
        Findings = findings;
        Changes = changes;
        ClearedFindings = cleared;
        foreach (var change in changes)
        {
            switch (change)
            {
                case ChangeKind.Raised:
                    Raised++;
                    break;
                case ChangeKind.Escalated:
                    Escalated++;
                    break;
                default:
                    Changed++;
                    break;
            }
        }
    }

    /// <summary>Whether the change was accepted (then <see cref="Problems"/> is empty).</summary>
    public bool IsAccepted => Problems.Count == 0;

    /// <summary>Why the change was rejected, naming each field at fault; empty when it was accepted.</summary>
    public IReadOnlyList<ChangeProblem> Problems { get; }

    /// <summary>The monitor's as-of date after the change.</summary>
    public DateOnly AsOf { get; }

    /// <summary>The current findings the change raised, escalated or changed, in the findings document's order (contract section 5).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>The change of each of <see cref="Findings"/>, position for position: never <see cref="ChangeKind.Unchanged"/>.</summary>
    public IReadOnlyList<ChangeKind> Changes { get; }

    /// <summary>The findings the change cleared, as they were before it, in the findings document's order.</summary>
    public IReadOnlyList<Finding> ClearedFindings { get; }

    /// <summary>
    /// The suppressed findings (contract section 8) the change made or altered: newly suppressed, or suppressed before and
    /// now different (the finding, or the override that suppresses it), as the report's <c>suppressed</c> array holds them,
    /// in the findings document's order. A finding an override newly suppresses is also among <see cref="ClearedFindings"/>,
    /// as section 7 counts it (it is no longer a current finding); one whose suppression ends is <see cref="ChangeKind.Raised"/>.
    /// </summary>
    public IReadOnlyList<SuppressedFinding> Suppressed { get; }

    /// <summary>How many findings the change raised.</summary>
    public int Raised { get; }

    /// <summary>How many findings the change escalated.</summary>
    public int Escalated { get; }

    /// <summary>How many findings the change changed otherwise (a lower escalation included).</summary>
    public int Changed { get; }

    /// <summary>How many findings the change cleared.</summary>
    public int Cleared => ClearedFindings.Count;
}
