using System.Text;
using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Explains a strategy discussion: the outcome and police action rules, worked out with
/// <c>Rules/ChildProtection/StrategyOutcomeDeadline</c>, <c>StrategyActionDeadline</c> and <c>WorkingDays</c> over the
/// facts the rules saw.
/// </summary>
internal sealed class DiscussionExplainer : ChildProtectionExplainer
{
    public override ExplainSubjectKind Kind => ExplainSubjectKind.Discussion;

    public override string Name => "discussion";

    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) => snapshot.StrategyDiscussions.Any(d => d?.Id == id);

    protected override string Array => SnapshotArrays.StrategyDiscussions;

    protected override IEnumerable<string> OwnRules => [RuleNames.StrategyOutcomeNotRecorded, RuleNames.StrategyActionOverdue];

    protected override bool NamesRecord(Finding finding, string id) => finding.DiscussionId == id;

    protected override bool IsValid(ExplanationContext context, string id) => context.DiscussionRecord(id) is not null;

    protected override Dictionary<string, RuleAccount> OwnAccounts(ExplanationContext context, string id)
    {
        var record = context.DiscussionRecord(id)!;
        if (context.Discussion(id) is not { } discussion)
        {
            return NotYet("held " + Reasons.Date(record.HeldOn) + ", after the as-of date " + Reasons.Date(context.AsOf));
        }

        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.StrategyOutcomeNotRecorded] = Outcome(context, record, discussion),
            [RuleNames.StrategyActionOverdue] = Actions(context, record, id),
        };
    }

    private static RuleAccount Outcome(ExplanationContext context, StrategyDiscussion record, Facts.StrategyDiscussionCase d)
    {
        var policy = context.Policy.ChildProtection;
        var text = new StringBuilder(300)
            .Append("held ").Append(Reasons.Date(d.HeldOn)).Append(" (").Append(d.HeldOn.DayOfWeek).Append("); outcome due ")
            .Append(Number(policy.StrategyOutcomeWorkingDays)).Append(" working day(s) (childProtection.strategyOutcomeWorkingDays) after, ")
            .Append("Monday to Friday except childProtection.nonWorkingDays");
        if (d.DueOn is not { } due)
        {
            return new(false, text.Append(": due never (beyond the calendar).").ToString());
        }

        var skipped = policy.NonWorkingDaysInOrder.Where(day => day > d.HeldOn && day <= due && day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        text.Append(policy.NonWorkingDaysInOrder.Count == 0 ? " (none listed)"
            : skipped.Count == 0 ? " (none in between)"
            : " (" + string.Join(", ", skipped.Select(Reasons.Date)) + " skipped)");
        text.Append(": due ").Append(Reasons.Date(due)).Append("; ");
        if (d.OutcomeRecordedOn is { } recorded)
        {
            return new(false, text.Append("outcome recorded ").Append(Reasons.Date(recorded))
                .Append(recorded <= due ? ", on or before the due date." : ", after the due date (late, but recorded by " + Reasons.Date(d.AsOf) + ").").ToString());
        }

        text.Append(record.OutcomeRecordedOn is { } later
            ? "outcome recorded " + Reasons.Date(later) + ", after the as-of date, so not recorded by " + Reasons.Date(d.AsOf)
            : "no outcome recorded by " + Reasons.Date(d.AsOf));
        return StrategyOutcomeDeadline.IsNotRecorded(d.OutcomeRecordedOn, d.DueOn, d.AsOf)
            ? new(true, text.Append(", which is after the due date: ").Append(Reasons.Days(d.AsOf.DayNumber - due.DayNumber)).Append(" overdue.").ToString())
            : new(false, text.Append(", which is not after the due date.").ToString());
    }

    private static RuleAccount Actions(ExplanationContext context, StrategyDiscussion record, string id)
    {
        var actions = context.Actions(id);
        if (actions.Count == 0)
        {
            return new(false, "no actions are recorded.");
        }

        var overdue = false;
        var parts = new List<string>(actions.Count);
        for (var i = 0; i < actions.Count; i++)
        {
            var a = actions[i];
            if (!StrategyActionDeadline.IsPolices(a.Owner))
            {
                parts.Add("action " + a.ActionId + " is owned by " + a.Owner + ": other agencies' actions give no finding");
                continue;
            }

            var part = "police action " + a.ActionId + " due " + Reasons.Date(a.DueOn) + ", ";
            if (a.CompletedOn is { } completed)
            {
                parts.Add(part + "completed " + Reasons.Date(completed));
            }
            else if (StrategyActionDeadline.IsOverdue(a.CompletedOn, a.DueOn, a.AsOf))
            {
                overdue = true;
                var late = record.Actions[i].CompletedOn is { } after ? " (completed " + Reasons.Date(after) + ", after the as-of date)" : string.Empty;
                parts.Add(part + "not completed by " + Reasons.Date(a.AsOf) + late + ", which is after the due date: " + Reasons.Days(a.AsOf.DayNumber - a.DueOn.DayNumber) + " overdue");
            }
            else
            {
                parts.Add(part + "not completed yet; " + Reasons.Date(a.AsOf) + " is not after the due date");
            }
        }

        return new(overdue, string.Join("; ", parts) + ".");
    }
}
