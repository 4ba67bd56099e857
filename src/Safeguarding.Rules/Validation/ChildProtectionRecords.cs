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

    /// <summary>The actions of the discussion at <paramref name="index"/> of <see cref="Discussions"/>: from <see cref="DiscussionActions"/> when given, else the record's own.</summary>
    public RecordItems<StrategyAction> ActionsOf(int index) => new(DiscussionActions, index, Discussions[index].Actions);

    /// <summary>The interviews of the detention at <paramref name="index"/> of <see cref="Detentions"/>: from <see cref="DetentionInterviews"/> when given, else the record's own.</summary>
    public RecordItems<Interview> InterviewsOf(int index) => new(DetentionInterviews, index, Detentions[index].Interviews);
}

/// <summary>
/// A record's list of items (a discussion's actions, a detention's interviews), read by index: the copy its caller keeps
/// apart from the record (a slice of one of <paramref name="copies"/>) when there are copies, else the record's own list.
/// A struct, so that reading either costs no allocation per record.
/// </summary>
internal readonly struct RecordItems<T>(List<ArraySegment<T>>? copies, int index, IReadOnlyList<T> own)
{
    private readonly ArraySegment<T> _copy = copies is null ? default : copies[index];
    private readonly IReadOnlyList<T>? _own = copies is null ? own : null;

    public int Count => _own?.Count ?? _copy.Count;

    public T this[int item] => _own is null ? _copy[item] : _own[item];
}

/// <summary>A rejected record of one of the child-protection arrays: its array, index, id when known, and the fields at fault.</summary>
internal sealed record RejectedArrayRecord(string Array, int Index, string? Id, List<string> Fields);
