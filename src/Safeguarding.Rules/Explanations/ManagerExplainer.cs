using System.Globalization;
using Safeguarding.Rules.Caseload;
using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Explanations;

/// <summary>Explains an offender manager: the caseload rules, worked out with <c>Rules/Caseload/CaseloadMembership</c> over the manager fact the rules saw.</summary>
internal sealed class ManagerExplainer : SubjectExplainer
{
    private static readonly HashSet<string> ManagerRules = new(StringComparer.Ordinal)
    {
        RuleNames.CaseloadAboveTarget,
        RuleNames.CaseloadCritical,
    };

    public override ExplainSubjectKind Kind => ExplainSubjectKind.Manager;

    public override string Name => "manager";

    public override IReadOnlySet<string> Rules => ManagerRules;

    /// <summary>A finding about a manager names the manager and no offender (the caseload kinds).</summary>
    public override bool IsAbout(Finding finding, string id) => finding.OffenderId is null && finding.ManagerId == id;

    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) => snapshot.Managers.Any(m => m?.Id == id);

    public override IReadOnlyDictionary<string, RuleAccount> Accounts(ExplanationContext context, string id)
    {
        if (context.Manager(id) is not { } manager)
        {
            return Everyone("the manager record was rejected, so its caseload was not evaluated.");
        }

        var caseload = manager.Caseload;
        var target = manager.Policy.Caseload.Target;
        var critical = manager.Policy.Caseload.Critical;
        var holds = "manager " + id + " holds " + Reasons.Count(caseload, "offender") + " in the community";
        var criticalText = Number(critical) + " (caseload.critical)";
        var targetText = Number(target) + " (caseload.target)";
        var isCritical = CaseloadMembership.IsCritical(caseload, critical);
        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.CaseloadCritical] = new(isCritical, holds + ", " + (isCritical ? "above " : "not above ") + criticalText + "."),
            [RuleNames.CaseloadAboveTarget] = CaseloadMembership.IsAboveTarget(caseload, target, critical)
                ? new(true, holds + ", above " + targetText + " and not above " + criticalText + ".")
                : isCritical
                    ? new(false, holds + ", above " + criticalText + ": a critical manager gets only CaseloadCritical.")
                    : new(false, holds + ", not above " + targetText + "."),
        };
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
