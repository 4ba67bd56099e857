using Safeguarding.Rules.ChildProtection;
using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Facts;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Explains a police protection: the 72-hour and local authority rules, worked out with
/// <c>Rules/ChildProtection/PoliceProtectionClock</c> over the fact the rules saw.
/// </summary>
internal sealed class ProtectionExplainer : ChildProtectionExplainer
{
    public override ExplainSubjectKind Kind => ExplainSubjectKind.Protection;

    public override string Name => "protection";

    public override bool IsInSnapshot(CaseloadSnapshot snapshot, string id) => snapshot.PoliceProtections.Any(p => p?.Id == id);

    protected override string Array => SnapshotArrays.PoliceProtections;

    protected override IEnumerable<string> OwnRules => [RuleNames.PoliceProtectionExceeded, RuleNames.LocalAuthorityNotInformed];

    protected override bool NamesRecord(Finding finding, string id) => finding.ProtectionId == id;

    protected override bool IsValid(ExplanationContext context, string id) => context.ProtectionRecord(id) is not null;

    protected override Dictionary<string, RuleAccount> OwnAccounts(ExplanationContext context, string id)
    {
        var record = context.ProtectionRecord(id)!;
        if (context.Protection(id) is not { } protection)
        {
            return NotYet("started " + Elapsed.At(record.StartedAt) + ", after the as-of instant " + Elapsed.At(context.AsOfInstant));
        }

        return new Dictionary<string, RuleAccount>(StringComparer.Ordinal)
        {
            [RuleNames.PoliceProtectionExceeded] = Exceeded(protection),
            [RuleNames.LocalAuthorityNotInformed] = NotInformed(protection),
        };
    }

    private static RuleAccount Exceeded(PoliceProtectionCase p)
    {
        var maxHours = p.Policy.ChildProtection.PoliceProtectionMaxHours;
        var exceeded = PoliceProtectionClock.IsExceeded(p.MinutesInProtection, maxHours);
        var text = "in police protection from " + Elapsed.At(p.StartedAt)
            + (p.EndedAt is { } ended ? " to its end " + Elapsed.At(ended) : " and still at the as-of instant " + Elapsed.At(p.AsOfInstant))
            + ": " + Minutes(p.MinutesInProtection) + ", " + (exceeded ? "more than " : "not more than ")
            + Number(maxHours) + " h (childProtection.policeProtectionMaxHours), " + Number(maxHours * 60) + " minutes.";
        return new(exceeded, text);
    }

    private static RuleAccount NotInformed(PoliceProtectionCase p)
    {
        var limit = p.Policy.ChildProtection.LocalAuthorityInformMinutes;
        var late = PoliceProtectionClock.IsInformedLate(p.MinutesToInform, limit);
        var text = "police protection from " + Elapsed.At(p.StartedAt) + "; "
            + (p.LocalAuthorityInformedAt is { } informed
                ? "local authority informed " + Elapsed.At(informed) + ", " + Minutes(p.MinutesToInform) + " after the start"
                : "local authority not informed by the as-of instant " + Elapsed.At(p.AsOfInstant) + ", " + Minutes(p.MinutesToInform) + " after the start"
                  + (p.EndedAt is null ? string.Empty : " (the protection has ended; the duty remains)"))
            + ", " + (late ? "more than " : "not more than ") + Number(limit) + " (childProtection.localAuthorityInformMinutes).";
        return new(late, text);
    }
}
