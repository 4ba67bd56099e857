using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Monitoring;

/// <summary>
/// The offender of each visit and briefing, as the validator resolves it (the monitor's listener to the validator's pass
/// over them): a load then hands each record to its offender by position, without looking its id up again. Each chunk of
/// records keeps its own list, in record order; the chunks come in record order.
/// </summary>
internal sealed class RecordOwners(int visits, int briefings) : IValidRecordListener
{
    private List<int>[] _visits = [];
    private List<int>[] _briefings = [];

    public void BeginVisits(int chunks) => _visits = Lists(chunks, visits);

    public void Visit(int chunk, int offender, Visit visit) => _visits[chunk].Add(offender);

    public void BeginBriefings(int chunks) => _briefings = Lists(chunks, briefings);

    public void Briefing(int chunk, int offender, Briefing briefing) => _briefings[chunk].Add(offender);

    /// <summary>The offender position of each of <paramref name="count"/> visits, in order (a monitor loads only a snapshot whose every visit names a valid offender).</summary>
    public int[] VisitOwners(int count) => Joined(_visits, count);

    /// <summary>The offender position of each of <paramref name="count"/> briefings, in order (as for <see cref="VisitOwners"/>).</summary>
    public int[] BriefingOwners(int count) => Joined(_briefings, count);

    /// <summary>A list for each chunk, sized for its share of <paramref name="records"/> (the validator's chunks are of equal size).</summary>
    private static List<int>[] Lists(int chunks, int records)
    {
        var lists = new List<int>[chunks];
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            lists[chunk] = new List<int>(records / Math.Max(1, chunks) + 1);
        }

        return lists;
    }

    private static int[] Joined(List<int>[] chunks, int count)
    {
        if (chunks.Sum(static c => c.Count) != count)
        {
            throw new InvalidOperationException("The validator resolved the offender of fewer records than the monitor loads. This is a defect in Safeguarding.Rules.");
        }

        var owners = new int[count];
        var next = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(owners, next);
            next += chunk.Count;
        }

        return owners;
    }
}
