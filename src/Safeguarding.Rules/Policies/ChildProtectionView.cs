using System.Collections.Frozen;

namespace Safeguarding.Rules.Policies;

/// <summary>A read-only copy of a <see cref="ChildProtectionPolicy"/>.</summary>
public sealed class ChildProtectionView
{
    internal ChildProtectionView(ChildProtectionPolicy policy)
    {
        StrategyOutcomeWorkingDays = policy.StrategyOutcomeWorkingDays;
        AppropriateAdultAlertMinutes = policy.AppropriateAdultAlertMinutes;
        AppropriateAdultInspectorMinutes = policy.AppropriateAdultInspectorMinutes;
        PoliceProtectionMaxHours = policy.PoliceProtectionMaxHours;
        LocalAuthorityInformMinutes = policy.LocalAuthorityInformMinutes;
        NonWorkingDaysInOrder = [.. policy.NonWorkingDays ?? []];
        NonWorkingDays = NonWorkingDaysInOrder.ToFrozenSet();
    }

    /// <summary>Working days after a strategy discussion by which its outcome must be recorded (<c>childProtection.strategyOutcomeWorkingDays</c>).</summary>
    public int StrategyOutcomeWorkingDays { get; }

    /// <summary>Minutes of waiting for an appropriate adult beyond which a wait is a finding (<c>childProtection.appropriateAdultAlertMinutes</c>).</summary>
    public int AppropriateAdultAlertMinutes { get; }

    /// <summary>Minutes of waiting beyond which the wait goes to the inspector (<c>childProtection.appropriateAdultInspectorMinutes</c>).</summary>
    public int AppropriateAdultInspectorMinutes { get; }

    /// <summary>The most hours a police protection may last (<c>childProtection.policeProtectionMaxHours</c>).</summary>
    public int PoliceProtectionMaxHours { get; }

    /// <summary>Minutes by which the local authority must be informed of a police protection (<c>childProtection.localAuthorityInformMinutes</c>).</summary>
    public int LocalAuthorityInformMinutes { get; }

    /// <summary>Dates that are not working days besides weekends (<c>childProtection.nonWorkingDays</c>).</summary>
    public IReadOnlySet<DateOnly> NonWorkingDays { get; }

    /// <summary>The non-working days in the order the policy lists them, as the policy file writes them.</summary>
    public IReadOnlyList<DateOnly> NonWorkingDaysInOrder { get; }
}
