using Safeguarding.Rules.Facts;

namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// A part of the caseload that can be evaluated on its own: whole teams with their managers and offenders
/// (no rule relates facts across teams), so partitions run in separate sessions in parallel.
/// </summary>
/// <param name="inputs">What the offender facts are created from.</param>
/// <param name="offendersFiltered">Whether <see cref="OffenderIndexes"/> lists only offenders whose fact passed the match filter already (<see cref="FactBuilder"/> tests them in snapshot order).</param>
internal sealed class Partition(OffenderInputs inputs, bool offendersFiltered = false)
{
    /// <summary>The team, manager and rejected-record facts.</summary>
    public List<object> Facts { get; } = [];

    /// <summary>The evaluated offenders of the partition (only those whose fact can match a rule, when filtered), as indexes into the snapshot's offenders.</summary>
    public List<int> OffenderIndexes { get; } = [];

    /// <summary>The partition's size as <see cref="FactBuilder"/> packs it: the offenders (and rejected records) its session holds.</summary>
    public int Offenders { get; set; }

    /// <summary>
    /// The facts of the partition that can match a rule (see <see cref="MatchFilter"/>), creating the offender facts now.
    /// An offender fact no rule can match is not inserted, and its object is reused for the next offender.
    /// </summary>
    public List<object> CreateFacts(MatchFilter filter)
    {
        var facts = new List<object>(Facts.Count + OffenderIndexes.Count);
        foreach (var fact in Facts)
        {
            if (filter.MayMatch(fact))
            {
                facts.Add(fact);
            }
        }

        var test = offendersFiltered ? null : filter.For(typeof(OffenderCase));
        OffenderCase? spare = null;
        foreach (var index in OffenderIndexes)
        {
            var fact = inputs.Create(index, spare);
            if (test is null || MatchFilter.Passes(test, fact))
            {
                facts.Add(fact);
                spare = null;
            }
            else
            {
                spare = fact;
            }
        }

        return facts;
    }
}
