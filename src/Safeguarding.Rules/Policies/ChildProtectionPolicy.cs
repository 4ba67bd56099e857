namespace Safeguarding.Rules.Policies;

/// <summary>Child-protection policy (policy file <c>childProtection</c>, contract section 6).</summary>
public sealed class ChildProtectionPolicy
{
    /// <summary>Working days after a strategy discussion by which its outcome must be recorded. Default 1.</summary>
    public int StrategyOutcomeWorkingDays { get; set; } = 1;

    /// <summary>A detained juvenile's wait for an appropriate adult longer than this many minutes is a finding. Default 120.</summary>
    public int AppropriateAdultAlertMinutes { get; set; } = 120;

    /// <summary>A wait longer than this many minutes goes to the inspector. Default 240; at least <see cref="AppropriateAdultAlertMinutes"/>.</summary>
    public int AppropriateAdultInspectorMinutes { get; set; } = 240;

    /// <summary>The most hours a police protection may last. Default 72, the statutory maximum, which a force may lower but never raise.</summary>
    public int PoliceProtectionMaxHours { get; set; } = 72;

    /// <summary>Minutes after a police protection starts by which the local authority must be informed. Default 240.</summary>
    public int LocalAuthorityInformMinutes { get; set; } = 240;

    /// <summary>
    /// Dates that are not working days besides Saturdays and Sundays (bank holidays). Default none. A list given in a
    /// policy file or in configuration replaces this list; it is not added to it.
    /// </summary>
    public IList<DateOnly> NonWorkingDays { get; set; } = [];

    internal ChildProtectionPolicy Clone()
    {
        var copy = (ChildProtectionPolicy)MemberwiseClone();
        copy.NonWorkingDays = NonWorkingDays is null ? null! : [.. NonWorkingDays];
        return copy;
    }
}
