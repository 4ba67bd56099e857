using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>A visit due today or within the due-soon window is due soon.</summary>
[Name(RuleNames.VisitDueSoon)]
[Description("A home visit is due soon when its due date is on the as-of date or within {dueSoonDays} days (dueSoonDays) after it. A due date beyond the calendar (after 9999-12-31) is never reached.")]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.VisitDueSoon)]
internal sealed class VisitDueSoonRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => Holds(o));

        Then()
            .Do(ctx => Raise(ctx, DueSoon(offender)));
    }

    /// <summary>
    /// Whether <paramref name="o"/>'s visit is due soon: it needs visits and its due date is today or within the window.
    /// The rule's condition; also what the live monitor tests before it refreshes the finding on a new day.
    /// </summary>
    internal static bool Holds(OffenderCase o) => o.NeedsVisits && VisitSchedule.IsDueSoon(o.DaysOverdue, o.Policy.DueSoonDays);

    /// <summary>The finding this rule raises for <paramref name="o"/>; also what the live monitor refreshes it to on a new day that cannot change the offender's matches.</summary>
    internal static Finding DueSoon(OffenderCase o) => new(
        FindingKinds.VisitDueSoon,
        RuleNames.VisitDueSoon,
        Reasons.Later(
            (Basis: VisitBasis.Of(o), DaysUntilDue: -o.DaysOverdue!.Value),
            static r => Reasons.VisitBasis(r.Basis)
                .Append(r.DaysUntilDue == 0 ? "; due today" : "; due in " + Reasons.Days(r.DaysUntilDue))
                .Append('.')
                .ToString()))
    {
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        DueOn = o.VisitDueOn,
        DaysUntilDue = -o.DaysOverdue,
    };
}
