using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Validation;

/// <summary>The child-protection records of a validated snapshot (contract section 6): the valid ones and the rejected ones.</summary>
internal sealed class ChildProtectionRecords
{
    public static ChildProtectionRecords None { get; } = new();

    public List<StrategyDiscussion> Discussions { get; init; } = [];

    public List<Detention> Detentions { get; init; } = [];

    public List<PoliceProtection> Protections { get; init; } = [];

    /// <summary>
    /// Each discussion's actions, by the discussion's place in <see cref="Discussions"/>, read instead of the records' own
    /// lists when given: the live monitor keeps a copy of each record's list apart from the record as it was given.
    /// </summary>
    public List<ArraySegment<StrategyAction>>? DiscussionActions { get; init; }

    /// <summary>Each detention's interviews, by the detention's place in <see cref="Detentions"/>, as <see cref="DiscussionActions"/>.</summary>
    public List<ArraySegment<Interview>>? DetentionInterviews { get; init; }

    /// <summary>Rejected records of the three arrays, by array in snapshot order, then index.</summary>
    public List<RejectedArrayRecord> Rejected { get; init; } = [];
}

/// <summary>A rejected record of one of the child-protection arrays: its array, index, id when known, and the fields at fault.</summary>
internal sealed record RejectedArrayRecord(string Array, int Index, string? Id, List<string> Fields);
