using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>Repeated no-access visits since the latest completed visit are a warning sign.</summary>
[Name(RuleNames.RepeatedNoAccess)]
[Description("An offender who needs visits has repeated no access when {repeatedNoAccessVisits} or more (repeatedNoAccessVisits) no-access visits are dated after the latest completed visit, or, with no completed visit, {repeatedNoAccessVisits} or more in all.")]
[Tag(RuleTags.Visits)]
[FindingKind(FindingKinds.RepeatedNoAccess)]
internal sealed class RepeatedNoAccessRule : BuiltInRule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => o.HasRepeatedNoAccess);

        Then()
            .Do(ctx => Raise(ctx, RepeatedNoAccess(offender)));
    }

    private static Finding RepeatedNoAccess(OffenderCase o) => new(
        FindingKinds.RepeatedNoAccess,
        RuleNames.RepeatedNoAccess,
        Reasons.Later(
            (o.RiskLevel, o.NoAccessVisitsSinceLastCompleted, o.LastCompletedVisit, o.Policy.RepeatedNoAccessVisits),
            static r => Reasons.Risk(r.RiskLevel) + " risk: "
                + r.NoAccessVisitsSinceLastCompleted.ToString(CultureInfo.InvariantCulture) + " no-access visits "
                + (r.LastCompletedVisit is { } last ? "since the last completed home visit " + Reasons.Date(last) : "and no completed home visit")
                + "; the policy's threshold is " + r.RepeatedNoAccessVisits.ToString(CultureInfo.InvariantCulture) + "."))
    {
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        NoAccessVisits = o.NoAccessVisitsSinceLastCompleted,
    };
}
