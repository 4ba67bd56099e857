using NRules.RuleModel;
using Safeguarding.Rules.Evaluation;

namespace Safeguarding.Rules;

/// <summary>
/// How a built-in rule gives its finding (its action runs for a new match and for a changed one). In the engine's own
/// sessions with only built-in rules loaded, a <see cref="FindingCollector"/> takes it, replacing the finding of a
/// changed match. Everywhere else (a host's session from <see cref="SafeguardingEngine.SessionFactory"/>, or the
/// engine's when host rules are loaded, which may match findings) it becomes a fact linked to the rule's match, as
/// <c>Yield</c> would make it: replaced when the match changes, retracted by NRules when the match goes.
/// </summary>
internal static class FindingOutput
{
    private const string LinkedKey = "finding";

    /// <summary>The rule's action: gives the finding of a new or changed match.</summary>
    public static void Raise(IContext context, Finding finding)
    {
        if (context.Resolve(typeof(FindingCollector)) is FindingCollector collector)
        {
            collector.Raise(finding);
        }
        else if (context.GetLinked(LinkedKey) is null)
        {
            context.InsertLinked(LinkedKey, finding);
        }
        else
        {
            context.UpdateLinked(LinkedKey, finding);
        }
    }
}
