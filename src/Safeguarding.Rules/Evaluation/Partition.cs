namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// A part of the caseload that can be evaluated on its own: whole teams with their managers and offenders
/// (no rule relates facts across teams), so partitions run in separate sessions in parallel.
/// </summary>
internal sealed class Partition
{
    public List<object> Facts { get; } = [];

    public int Offenders { get; set; }
}
