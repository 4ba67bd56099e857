using System.Globalization;
using System.Runtime.CompilerServices;

namespace Safeguarding.Rules.Findings;

/// <summary>
/// One finding kind as the contract defines it: its fields in the contract table's order, its identity (the parts of
/// its id, contract section 7), its summary key and, for kinds that escalate, the order of its escalation levels.
/// Findings of kinds a host's own rules raise share one descriptor (<see cref="FindingSchema.HostKind"/>).
/// </summary>
public sealed class FindingKindSchema
{
    private readonly Func<Finding, string?>[] _idParts;
    private readonly IReadOnlyList<EscalationLevel> _escalationLevels;

    /// <summary><see cref="Identity"/> as an array: a loop over it needs no enumerator object (hashing runs once per finding and more).</summary>
    private readonly FindingField[] _identity;

    internal FindingKindSchema(
        string? kind,
        IReadOnlyList<FindingField> fields,
        IReadOnlyList<FindingField> identity,
        Func<Finding, string?>[]? idParts = null,
        EscalationLevel[]? escalationLevels = null)
    {
        Kind = kind;
        SummaryKey = kind is null ? null : char.ToLowerInvariant(kind[0]) + kind[1..];
        Fields = fields;
        Identity = identity;
        _identity = [.. identity];
        _idParts = idParts ?? identity.Select(static field => (Func<Finding, string?>)field.Format).ToArray();
        _escalationLevels = escalationLevels is null ? [] : Array.AsReadOnly(escalationLevels);
    }

    /// <summary>The kind's name; <see langword="null"/> for the descriptor shared by host kinds.</summary>
    public string? Kind { get; }

    /// <summary>The kind's key in the document's <c>summary</c> (its name in camelCase); <see langword="null"/> for host kinds, which are not counted there.</summary>
    public string? SummaryKey { get; }

    /// <summary>Whether this is a kind of the contract (not a host's own).</summary>
    public bool IsContractKind => Kind is not null;

    /// <summary>The fields a finding of this kind carries besides <c>kind</c>, <c>rule</c> and <c>reason</c>, in the contract table's order.</summary>
    public IReadOnlyList<FindingField> Fields { get; }

    /// <summary>
    /// The fields that say which subject a finding is about: two findings of one kind with the same values here are
    /// the same finding (in another run, or under another policy). For host kinds, <c>teamId</c>, <c>managerId</c>
    /// and <c>offenderId</c>, those present.
    /// </summary>
    public IReadOnlyList<FindingField> Identity { get; }

    /// <summary>
    /// The escalation levels of this kind from lowest to highest; empty for kinds that do not escalate. Whether a finding
    /// moved up between two runs is contract section 7's order, the same for every kind (<see cref="Changes.FindingChanges.Change"/>).
    /// </summary>
    public IReadOnlyList<EscalationLevel> EscalationLevels => _escalationLevels;

    /// <summary>
    /// The finding's id (contract section 7): the kind, then each identity part, joined by <c>:</c>, with <c>%</c>
    /// written <c>%25</c> and <c>:</c> written <c>%3A</c> in each part.
    /// </summary>
    /// <param name="finding">A finding of this kind.</param>
    /// <returns>The id, e.g. <c>VisitOverdue:RSO-000123</c>.</returns>
    public string IdOf(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);

        // Built on the stack (ids are rarely longer than 64 characters; one past 128 continues in a pooled buffer): the id
        // is read for every finding a report writes, compares or tracks, so only the string itself is allocated.
        var id = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[IdOnStack]);
        id.AppendFormatted(finding.Kind);
        foreach (var part in _idParts)
        {
            if (part(finding) is { } text)
            {
                id.AppendLiteral(":");
                AppendEscaped(ref id, text);
            }
        }

        return id.ToStringAndClear();
    }

    /// <summary>Whether the two findings (of this kind) are about the same subject: equal identity values.</summary>
    internal bool SameSubject(Finding x, Finding y)
    {
        foreach (var field in _identity)
        {
            if (!field.ValueEquals(x, y))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every identity value of <paramref name="finding"/> is present (a loop over an array: no enumerator object).</summary>
    internal bool IdentityPresent(Finding finding)
    {
        foreach (var field in _identity)
        {
            if (!field.IsPresent(finding))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A hash of the identity values that does not allocate.</summary>
    internal int SubjectHash(Finding finding)
    {
        var hash = default(HashCode);
        foreach (var field in _identity)
        {
            hash.Add(field.ValueHash(finding));
        }

        return hash.ToHashCode();
    }

    /// <summary>Characters of an id built on the stack before it continues in a pooled buffer.</summary>
    private const int IdOnStack = 128;

    /// <summary>Appends <paramref name="part"/> with <c>%</c> written <c>%25</c> and <c>:</c> written <c>%3A</c>.</summary>
    private static void AppendEscaped(ref DefaultInterpolatedStringHandler id, string part)
    {
        var rest = part.AsSpan();
        int at;
        while ((at = rest.IndexOfAny('%', ':')) >= 0)
        {
            id.AppendFormatted(rest[..at]);
            id.AppendLiteral(rest[at] == '%' ? "%25" : "%3A");
            rest = rest[(at + 1)..];
        }

        id.AppendFormatted(rest);
    }
}
