using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// A part of the caseload that can be evaluated on its own: whole teams with their managers and offenders
/// (no rule relates facts across teams), so partitions run in separate sessions in parallel.
/// </summary>
internal sealed class Partition(OffenderInputs inputs)
{
    /// <summary>The team, manager and rejected-record facts.</summary>
    public List<object> Facts { get; } = [];

    /// <summary>The evaluated offenders of the partition, as indexes into the snapshot's offenders.</summary>
    public List<int> OffenderIndexes { get; } = [];

    public int Offenders { get; set; }

    /// <summary>Every fact of the partition, creating the offender facts now.</summary>
    public List<object> CreateFacts()
    {
        var facts = new List<object>(Facts.Count + OffenderIndexes.Count);
        facts.AddRange(Facts);
        foreach (var index in OffenderIndexes)
        {
            facts.Add(inputs.Create(index));
        }

        return facts;
    }
}
