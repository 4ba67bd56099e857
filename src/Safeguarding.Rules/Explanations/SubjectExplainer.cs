using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Explanations;

/// <summary>
/// Explains one kind of subject: which built-in rules apply to it, which findings are about it, whether the snapshot
/// holds it, and what each rule's policy concludes for it. A new kind of subject is one subclass and one entry in
/// <see cref="SubjectExplainers"/>.
/// </summary>
internal abstract class SubjectExplainer
{
    /// <summary>The kind of subject explained.</summary>
    public abstract ExplainSubjectKind Kind { get; }

    /// <summary>The kind's name in output (<c>subject.kind</c> in JSON) and messages, in lower case.</summary>
    public abstract string Name { get; }

    /// <summary>The names of the built-in rules that apply to this kind of subject (any order: output follows the catalogue).</summary>
    public abstract IReadOnlySet<string> Rules { get; }

    /// <summary>Whether <paramref name="finding"/> is about the subject with id <paramref name="id"/> of this kind.</summary>
    public abstract bool IsAbout(Finding finding, string id);

    /// <summary>Whether the snapshot holds a record of this kind with id <paramref name="id"/>, valid or not.</summary>
    public abstract bool IsInSnapshot(CaseloadSnapshot snapshot, string id);

    /// <summary>What each rule of <see cref="Rules"/> concludes for the subject, by rule name.</summary>
    public abstract IReadOnlyDictionary<string, RuleAccount> Accounts(ExplanationContext context, string id);

    /// <summary>The same account for every rule of <see cref="Rules"/>: the subject was not evaluated.</summary>
    protected Dictionary<string, RuleAccount> Everyone(string because)
    {
        var accounts = new Dictionary<string, RuleAccount>(StringComparer.Ordinal);
        foreach (var rule in Rules)
        {
            accounts[rule] = new RuleAccount(false, because);
        }

        return accounts;
    }
}
