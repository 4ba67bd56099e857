using Safeguarding.Rules.Monitoring;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>
/// A change that passes its checks and then throws while it is applied, as a defect in applying a change would (its
/// message names the offender, as a defect's might: the log must not).
/// </summary>
internal sealed record FailingChange(string OffenderId) : MonitorChange
{
    internal override void Check(MonitorState state, List<ChangeProblem> problems)
    {
    }

    internal override void Apply(MonitorState state) =>
        throw new InvalidOperationException("A defect while applying a change to " + OffenderId + ".");
}
