using System.Globalization;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Caseload;

internal static class CaseloadFindings
{
    public static Finding For(ManagerCase manager, string kind, string rule, string threshold, int limit) => new()
    {
        Kind = kind,
        Rule = rule,
        Reason = "Manager " + manager.Id + " holds " + manager.Caseload.ToString(CultureInfo.InvariantCulture)
            + " offenders in the community, above the " + threshold + " of " + limit.ToString(CultureInfo.InvariantCulture) + ".",
        ManagerId = manager.Id,
        TeamId = manager.TeamId,
        Caseload = manager.Caseload,
    };
}
