using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Validation;

/// <summary>
/// Sees each visit and briefing of a valid offender as the validator resolves it, so that an evaluation aggregates
/// them in the same pass over the records instead of a second one. The validator checks records in parallel chunks:
/// calls for one chunk come from one thread, and chunks are numbered from 0 in record order.
/// </summary>
internal interface IRecordObserver
{
    /// <summary>Called once per array before its records, with the number of chunks it is checked in.</summary>
    void BeginVisits(int chunks);

    /// <summary>A visit of the valid offender at <paramref name="offender"/> (a position in the snapshot's offenders).</summary>
    void Visit(int chunk, int offender, Visit visit);

    /// <summary>Called once per array before its records, with the number of chunks it is checked in.</summary>
    void BeginBriefings(int chunks);

    /// <summary>A briefing about the valid offender at <paramref name="offender"/>.</summary>
    void Briefing(int chunk, int offender, Briefing briefing);
}
