using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Validation;

/// <summary>
/// The validator's callback: it hears each visit and briefing that belongs to a valid offender, with the offender's
/// position, as the validator resolves it, so a caller can use the records in the same pass over them. The validator
/// checks records in parallel chunks: calls for one chunk come from one thread, and chunks are numbered from 0 in
/// record order.
/// </summary>
internal interface IValidRecordListener
{
    /// <summary>Called once before the visits, with the number of chunks they are checked in.</summary>
    void BeginVisits(int chunks);

    /// <summary>A visit (at <paramref name="index"/> in the snapshot's visits) of the valid offender at <paramref name="offender"/> (a position in the snapshot's offenders).</summary>
    void Visit(int chunk, int index, int offender, Visit visit);

    /// <summary>Called once before the briefings, with the number of chunks they are checked in.</summary>
    void BeginBriefings(int chunks);

    /// <summary>A briefing (at <paramref name="index"/> in the snapshot's briefings) about the valid offender at <paramref name="offender"/>.</summary>
    void Briefing(int chunk, int index, int offender, Briefing briefing);
}
