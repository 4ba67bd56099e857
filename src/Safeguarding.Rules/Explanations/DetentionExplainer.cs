using System.Text;
using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Explains a detention: the appropriate adult and interview rules, worked out with
/// <c>Rules/ChildProtection/AppropriateAdultWait</c> over the facts the rules saw.
/// </summary>
internal sealed class DetentionExplainer : ChildProtectionExplainer
{
    private const string NotJuvenile = "not a juvenile: an appropriate adult is required for juveniles only.";

    public override ExplainSubjectKind Kind => ExplainSubjectKind.Detention;

    public override string Name => "detention";

    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) => snapshot.Detentions.Any(d => d?.Id == id);

    protected override string Array => SnapshotArrays.Detentions;

    protected override IEnumerable<string> OwnRules => [RuleNames.AppropriateAdultDelayed, RuleNames.InterviewWithoutAppropriateAdult];

    protected override bool NamesRecord(Finding finding, string id) => finding.DetentionId == id;

    protected override bool IsValid(ExplanationContext context, string id) => context.DetentionRecord(id) is not null;

    protected override Dictionary<string, RuleAccount> OwnAccounts(ExplanationContext context, string id)
    {
        var record = context.DetentionRecord(id)!;
        if (context.Detention(id) is not { } detention)
        {
            return NotYet("authorised " + Elapsed.At(record.AuthorisedAt) + ", after the as-of instant " + Elapsed.At(context.AsOfInstant));
        }

        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.AppropriateAdultDelayed] = Delayed(detention),
            [RuleNames.InterviewWithoutAppropriateAdult] = Interviews(context.Interviews(id), record.Interviews.Count, detention),
        };
    }

    private static RuleAccount Delayed(DetentionCase d)
    {
        if (!d.Juvenile)
        {
            return new(false, NotJuvenile);
        }

        var policy = d.Policy.ChildProtection;
        var alert = Number(policy.AppropriateAdultAlertMinutes) + " (childProtection.appropriateAdultAlertMinutes)";
        var inspector = Number(policy.AppropriateAdultInspectorMinutes) + " (childProtection.appropriateAdultInspectorMinutes)";
        var text = new StringBuilder(300).Append("juvenile detained ").Append(Elapsed.At(d.AuthorisedAt)).Append("; ");
        if (d.Awaiting)
        {
            text.Append("no appropriate adult and no release by the as-of instant ").Append(Elapsed.At(d.AsOfInstant)).Append(": waiting ");
        }
        else if (AppropriateAdultWait.EndedWithArrival(d.AppropriateAdultArrivedAt, d.ReleasedAt))
        {
            text.Append("appropriate adult arrived ").Append(Elapsed.At(d.AppropriateAdultArrivedAt!.Value)).Append(", after ");
        }
        else
        {
            text.Append("released ").Append(Elapsed.At(d.ReleasedAt!.Value)).Append(" without an appropriate adult, after ");
        }

        text.Append(Minutes(d.MinutesWaited));
        if (!AppropriateAdultWait.IsDelayed(d.MinutesWaited, policy.AppropriateAdultAlertMinutes))
        {
            return new(false, text.Append(", not more than ").Append(alert).Append("; the inspector limit is ").Append(inspector).Append('.').ToString());
        }

        var escalateTo = AppropriateAdultWait.EscalateTo(d.MinutesWaited, policy.AppropriateAdultInspectorMinutes);
        return new(true, text.Append(", more than ").Append(alert)
            .Append(escalateTo == EscalationLevel.Inspector ? " and more than " : " and not more than ").Append(inspector)
            .Append(": escalated to ").Append(escalateTo).Append('.').ToString());
    }

    private static RuleAccount Interviews(IReadOnlyList<InterviewCase> interviews, int recorded, DetentionCase d)
    {
        if (!d.Juvenile)
        {
            return new(false, NotJuvenile);
        }

        var later = recorded - interviews.Count;
        var laterText = later == 0 ? string.Empty : "; " + Reasons.Count(later, "later interview") + " after the as-of instant " + Elapsed.At(d.AsOfInstant) + (later == 1 ? " is" : " are") + " not counted";
        if (interviews.Count == 0)
        {
            return new(false, "no interview started by the as-of instant " + Elapsed.At(d.AsOfInstant) + laterText + ".");
        }

        var unaccompanied = false;
        var parts = interviews.Select(i =>
        {
            var part = "interview from " + Elapsed.At(i.StartedAt) + ": ";
            if (i.AppropriateAdultPresent)
            {
                return part + "appropriate adult present";
            }

            if (i.UrgentInterviewAuthorised)
            {
                return part + "no appropriate adult present, urgent interview authorised";
            }

            unaccompanied = true;
            return part + "no appropriate adult present and no urgent interview authorised";
        }).ToList();
        return new(unaccompanied, string.Join("; ", parts) + laterText + ".");
    }
}
