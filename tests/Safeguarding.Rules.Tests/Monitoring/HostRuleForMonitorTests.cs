using NRules.Fluent.Dsl;
using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Tests.Monitoring;

/// <summary>A host rule, to show that a monitor refuses an engine with host rules.</summary>
[Name("HostRuleForMonitorTests")]
public sealed class HostRuleForMonitorTests : Rule
{
    /// <inheritdoc />
    public override void Define()
    {
        ManagerCase manager = null!;
        When().Match(() => manager, m => m.Caseload > 1000);
        Then().Do(_ => NoOp());
    }

    private static void NoOp()
    {
    }
}
