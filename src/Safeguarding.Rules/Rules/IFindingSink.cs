using NRules.RuleModel;

namespace Safeguarding.Rules;

/// <summary>
/// Where a built-in rule's action puts its finding (the action runs for a new match and for a changed one). A session
/// resolves one sink: the engine's collecting sessions their collector, every other session the
/// <see cref="LinkedFindingSink"/>. The choice is made once per session, never per finding.
/// </summary>
internal interface IFindingSink
{
    /// <summary>Takes the finding of the match in <paramref name="context"/>, replacing the one of an earlier version of that match.</summary>
    void Raise(IContext context, Finding finding);
}
