using NRules.RuleModel;

namespace Safeguarding.Rules;

/// <summary>
/// The base of every rule that ships with the library: what makes a rule built in (hosts cannot derive from it). Each
/// built-in rule that produces findings names their kind with <see cref="FindingKindAttribute"/> and gives them
/// through <see cref="Raise"/>.
/// </summary>
internal abstract class BuiltInRule : NRules.Fluent.Dsl.Rule
{
    /// <summary>
    /// Gives the finding of the match in <paramref name="context"/> to the session's <see cref="IFindingSink"/>: the
    /// collector of the engine's session firing on this thread when there is one, else the sink the session resolves.
    /// </summary>
    protected static void Raise(IContext context, Finding finding)
    {
        if (Evaluation.FindingCollector.Firing is { } collector)
        {
            collector.Raise(finding);
            return;
        }

        ((IFindingSink)context.Resolve(typeof(IFindingSink))).Raise(context, finding);
    }
}
