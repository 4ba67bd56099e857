namespace Safeguarding.Rules.Validation;

/// <summary>The names of the snapshot's record arrays, as <see cref="InputProblem.Array"/> gives them.</summary>
public static class SnapshotArrays
{
    /// <summary><c>teams</c></summary>
    public const string Teams = "teams";

    /// <summary><c>managers</c></summary>
    public const string Managers = "managers";

    /// <summary><c>offenders</c></summary>
    public const string Offenders = "offenders";

    /// <summary><c>visits</c></summary>
    public const string Visits = "visits";

    /// <summary><c>briefings</c></summary>
    public const string Briefings = "briefings";

    /// <summary><c>overrides</c></summary>
    public const string Overrides = "overrides";
}
