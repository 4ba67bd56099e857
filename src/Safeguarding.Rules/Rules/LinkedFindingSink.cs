using NRules.RuleModel;

namespace Safeguarding.Rules;

/// <summary>
/// Makes each finding a fact linked to the rule's match, as <c>Yield</c> would: replaced when the match changes,
/// retracted by NRules when the match goes. Host rules can then match findings, and a host's own session (from
/// <see cref="SafeguardingEngine.SessionFactory"/>) keeps its findings true as its facts change.
/// </summary>
internal sealed class LinkedFindingSink : IFindingSink
{
    private const string LinkedKey = "finding";

    public static LinkedFindingSink Instance { get; } = new();

    public void Raise(IContext context, Finding finding)
    {
        if (context.GetLinked(LinkedKey) is null)
        {
            context.InsertLinked(LinkedKey, finding);
        }
        else
        {
            context.UpdateLinked(LinkedKey, finding);
        }
    }
}
