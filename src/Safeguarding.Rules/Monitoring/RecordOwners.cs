using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The offender of each visit and briefing, as the validator resolves it (the monitor's listener to the validator's pass
/// over them): a load then hands each record to its offender by position, without looking its id up again. Each record's
/// offender is written at the record's own position, so the validator's chunks need no lists of their own to join.
/// </summary>
internal sealed class RecordOwners(int visits, int briefings) : IValidRecordListener
{
    private int[] _visits = [];
    private int[] _briefings = [];

    public void BeginVisits(int chunks) => _visits = Unresolved(visits);

    public void Visit(int chunk, int index, int offender, Visit visit) => _visits[index] = offender;

    public void BeginBriefings(int chunks) => _briefings = Unresolved(briefings);

    public void Briefing(int chunk, int index, int offender, Briefing briefing) => _briefings[index] = offender;

    /// <summary>The offender position of each of <paramref name="count"/> visits, in order (a monitor loads only a snapshot whose every visit names a valid offender).</summary>
    public int[] VisitOwners(int count) => Resolved(_visits, count);

    /// <summary>The offender position of each of <paramref name="count"/> briefings, in order (as for <see cref="VisitOwners"/>).</summary>
    public int[] BriefingOwners(int count) => Resolved(_briefings, count);

    /// <summary>An owner for each of <paramref name="records"/>, each -1 (none) until the validator resolves it.</summary>
    private static int[] Unresolved(int records)
    {
        var owners = new int[records];
        Array.Fill(owners, -1);
        return owners;
    }

    private static int[] Resolved(int[] owners, int count)
    {
        if (owners.Length != count || owners.AsSpan().Contains(-1))
        {
            throw new InvalidOperationException("The validator resolved the offender of fewer records than the monitor loads. This is a defect in Safeguarding.Rules.");
        }

        return owners;
    }
}
