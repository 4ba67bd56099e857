using System.Globalization;
using Safeguarding.Rules.ChildProtection;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// What the explainers of the three child-protection records (contract section 6) share: a record's own rules plus
/// <c>ChildProtectionDataQuality</c>, which concludes about a rejected record of the same array; a finding is about the
/// record when it names its id, or is the <c>DataQuality</c> finding of a rejected record of the array with that id.
/// </summary>
internal abstract class ChildProtectionExplainer : SubjectExplainer
{
    private IReadOnlySet<string>? _rules;

    /// <summary>The record's input array (<c>strategyDiscussions</c>, <c>detentions</c> or <c>policeProtections</c>).</summary>
    protected abstract string Array { get; }

    /// <summary>The built-in rules about the record itself, besides <c>ChildProtectionDataQuality</c>.</summary>
    protected abstract IEnumerable<string> OwnRules { get; }

    public sealed override IReadOnlySet<string> Rules => _rules ??= new HashSet<string>(OwnRules.Append(RuleNames.ChildProtectionDataQuality), StringComparer.Ordinal);

    public sealed override bool IsAbout(Finding finding, string id) =>
        NamesRecord(finding, id) || (finding.Kind == FindingKinds.DataQuality && finding.Array == Array && finding.RecordId == id);

    public sealed override IReadOnlyDictionary<string, RuleAccount> Accounts(ExplanationContext context, string id)
    {
        var rejected = context.IsRejected(Array, id);
        var dataQuality = rejected
            ? new RuleAccount(true, "the " + Name + " record was rejected as invalid; fields at fault: " + string.Join(", ", context.RejectedFields(Array, id)) + ".")
            : new RuleAccount(false, "the " + Name + " record is valid.");
        var accounts = rejected && !IsValid(context, id)
            ? Everyone("the " + Name + " record was rejected, so the other rules did not evaluate it (see ChildProtectionDataQuality).")
            : OwnAccounts(context, id);
        accounts[RuleNames.ChildProtectionDataQuality] = dataQuality;
        return accounts;
    }

    /// <summary>Whether the finding names the record with id <paramref name="id"/> in its own id field.</summary>
    protected abstract bool NamesRecord(Finding finding, string id);

    /// <summary>Whether a valid record with id <paramref name="id"/> was evaluated (or had not happened yet).</summary>
    protected abstract bool IsValid(ExplanationContext context, string id);

    /// <summary>What each of <see cref="OwnRules"/> concludes for the valid record with id <paramref name="id"/>.</summary>
    protected abstract Dictionary<string, RuleAccount> OwnAccounts(ExplanationContext context, string id);

    /// <summary>The same account for every rule: the record has not happened by the as-of date or instant.</summary>
    protected Dictionary<string, RuleAccount> NotYet(string what) =>
        Everyone(what + ": it has not happened yet, so it gives no finding and is in no count.");

    /// <summary>"265 minutes (4 h 25 min)".</summary>
    protected static string Minutes(int minutes) =>
        minutes.ToString(CultureInfo.InvariantCulture) + (minutes == 1 ? " minute" : " minutes") + (minutes >= 60 ? " (" + Elapsed.Text(minutes) + ")" : string.Empty);

    /// <summary>A whole number, invariant.</summary>
    protected static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
