namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// Why a <see cref="MonitorChange"/> was rejected: the kind of record, its id when it has one, the field and what is
/// wrong. Holds identifiers and field names only, never a field's value, so it is safe to log.
/// </summary>
/// <param name="Record">The kind of record the change concerns: <c>offender</c>, <c>visit</c>, <c>briefing</c>, <c>manager</c>, <c>strategyDiscussion</c>, <c>detention</c>, <c>policeProtection</c>, <c>override</c> or <c>asOf</c>.</param>
/// <param name="Id">The record's id, when it has one.</param>
/// <param name="Field">The field at fault (its contract name).</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record ChangeProblem(string Record, string? Id, string Field, string Problem)
{
    /// <summary>Formats the problem as one line: <c>offender RSO-1 managerId: problem</c>.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => Record + (Id is null ? string.Empty : " " + Id) + " " + Field + ": " + Problem;
}
