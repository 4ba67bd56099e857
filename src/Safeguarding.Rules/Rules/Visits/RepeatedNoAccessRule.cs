using System.Globalization;
using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Visits;

/// <summary>Repeated no-access visits since the latest completed visit are a warning sign.</summary>
[Name(RuleNames.RepeatedNoAccess)]
[Description("An offender who needs visits has repeated no access when 2 or more (repeatedNoAccessVisits) no-access visits are dated after the latest completed visit, or, with no completed visit, 2 or more in all.")]
[Tag(RuleTags.Visits)]
internal sealed class RepeatedNoAccessRule : Rule
{
    public override void Define()
    {
        OffenderCase offender = null!;

        When()
            .Match(() => offender, o => o.HasRepeatedNoAccess);

        Then()
            .Do(ctx => FindingOutput.Raise(ctx, RepeatedNoAccess(offender)));
    }

    private static Finding RepeatedNoAccess(OffenderCase o) => new()
    {
        Kind = FindingKinds.RepeatedNoAccess,
        Rule = RuleNames.RepeatedNoAccess,
        Reason = Reasons.Risk(o.RiskLevel) + " risk: "
            + o.NoAccessVisitsSinceLastCompleted.ToString(CultureInfo.InvariantCulture) + " no-access visits "
            + (o.LastCompletedVisit is { } last ? "since the last completed home visit " + Reasons.Date(last) : "and no completed home visit")
            + "; the policy's threshold is " + o.Policy.RepeatedNoAccessVisits.ToString(CultureInfo.InvariantCulture) + ".",
        OffenderId = o.Id,
        ManagerId = o.ManagerId,
        TeamId = o.TeamId,
        RiskLevel = o.RiskLevel,
        NoAccessVisits = o.NoAccessVisitsSinceLastCompleted,
    };
}
