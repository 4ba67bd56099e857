namespace Safeguarding.Rules.Facts;

/// <summary>An offender record rejected as invalid (contract section 3), evaluated only when partial results are allowed.</summary>
public sealed class RejectedOffender
{
    internal RejectedOffender(int index, string? offenderId, IReadOnlyList<string> fields)
    {
        Index = index;
        OffenderId = offenderId;
        Fields = fields;
    }

    /// <summary>The record's index in the snapshot's <c>offenders</c> array.</summary>
    public int Index { get; }

    /// <summary>The record's id, when it could be read.</summary>
    public string? OffenderId { get; }

    /// <summary>The fields at fault (names only, never values).</summary>
    public IReadOnlyList<string> Fields { get; }
}
