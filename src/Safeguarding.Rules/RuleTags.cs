namespace Safeguarding.Rules;

/// <summary>The policy areas the built-in rules are tagged with; switch an area off by its tag.</summary>
public static class RuleTags
{
    /// <summary>Home-visit rules.</summary>
    public const string Visits = nameof(Visits);

    /// <summary>Escalation of overdue work.</summary>
    public const string Escalation = nameof(Escalation);

    /// <summary>Manager caseloads and allocation.</summary>
    public const string Caseload = nameof(Caseload);

    /// <summary>Community checks: risk reviews and neighbourhood briefings.</summary>
    public const string Community = nameof(Community);

    /// <summary>Rejected records.</summary>
    public const string DataQuality = nameof(DataQuality);

    /// <summary>
    /// Child protection: strategy discussions, appropriate adults, police protection, and the data-quality findings of
    /// rejected child-protection records (that rule is tagged <see cref="DataQuality"/> too).
    /// </summary>
    public const string ChildProtection = nameof(ChildProtection);
}
