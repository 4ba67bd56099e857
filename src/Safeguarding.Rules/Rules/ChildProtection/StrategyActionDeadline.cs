using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.ChildProtection;

/// <summary>Whether a strategy discussion's action is the police's to chase and overdue.</summary>
internal static class StrategyActionDeadline
{
    /// <summary>Only the police's own actions give findings: other agencies' are theirs to chase.</summary>
    public static bool IsPolices(ActionOwner owner) => owner == ActionOwner.Police;

    /// <summary>Overdue: not completed by D (<paramref name="completedOn"/> is already cut at D) and D after the due date.</summary>
    public static bool IsOverdue(DateOnly? completedOn, DateOnly dueOn, DateOnly asOf) => completedOn is null && asOf > dueOn;
}
