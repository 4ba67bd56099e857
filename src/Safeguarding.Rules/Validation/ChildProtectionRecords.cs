using Safeguarding.Rules.Domain;

namespace Safeguarding.Rules.Validation;

/// <summary>The child-protection records of a validated snapshot (contract section 6): the valid ones and the rejected ones.</summary>
internal sealed class ChildProtectionRecords
{
    public static ChildProtectionRecords None { get; } = new();

    public List<StrategyDiscussion> Discussions { get; init; } = [];

    public List<Detention> Detentions { get; init; } = [];

    public List<PoliceProtection> Protections { get; init; } = [];

    /// <summary>Rejected records of the three arrays, by array in snapshot order, then index.</summary>
    public List<RejectedArrayRecord> Rejected { get; init; } = [];
}

/// <summary>A rejected record of one of the child-protection arrays: its array, index, id when known, and the fields at fault.</summary>
internal sealed record RejectedArrayRecord(string Array, int Index, string? Id, List<string> Fields);
