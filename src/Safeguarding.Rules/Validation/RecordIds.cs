using System.Globalization;
using System.Runtime.CompilerServices;

namespace Safeguarding.Rules.Validation;

/// <summary>
/// Tracks the ids of one array to find duplicates: one dictionary entry per id, a list only for duplicated ones. Every
/// record sharing an id is rejected, with one problem each (<see cref="ReportDuplicates"/>).
/// </summary>
internal sealed class RecordIds(string array, int capacity)
{
    private readonly Dictionary<string, (int Index, int Position)> _first = new(capacity, StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _duplicates = new(StringComparer.Ordinal);
    private readonly HashSet<int> _rejected = [];

    /// <summary>How many of the other records sharing an id a duplicate-id problem names.</summary>
    private const int OthersNamed = 3;

    /// <summary>Adds a record's id: its index in the input and, for a typed record, its position in the typed list (else -1).</summary>
    [MethodImpl(PerRecord.Compiled)]
    public void Add(string id, int index, int position = -1)
    {
        if (_first.TryAdd(id, (index, position)))
        {
            return;
        }

        if (_duplicates.TryGetValue(id, out var list))
        {
            list.Add(index);
        }
        else
        {
            _duplicates.Add(id, [_first[id].Index, index]);
        }
    }

    /// <summary>Whether a record has <paramref name="id"/>; <paramref name="position"/> is the first such typed record's position, or -1.</summary>
    [MethodImpl(PerRecord.Compiled)]
    public bool TryGetPosition(string id, out int position)
    {
        var found = _first.TryGetValue(id, out var entry);
        position = found ? entry.Position : -1;
        return found;
    }

    public void Reject(int index) => _rejected.Add(index);

    public void AddMalformed(IReadOnlyList<MalformedRecord> malformed)
    {
        foreach (var record in malformed)
        {
            if (record.Array == array)
            {
                _rejected.Add(record.Index);
                if (record.Id is { Length: > 0 } id)
                {
                    Add(id, record.Index);
                }
            }
        }
    }

    public bool HasDuplicates => _duplicates.Count > 0;

    public bool IsUnique(string id) => !_duplicates.ContainsKey(id);

    public void ReportDuplicates(List<InputProblem> problems)
    {
        foreach (var (id, indexes) in _duplicates.OrderBy(static d => d.Key, StringComparer.Ordinal))
        {
            indexes.Sort();
            foreach (var index in indexes)
            {
                problems.Add(new(array, index, id, "id", "duplicate id, also used by " + Others(indexes, index) + "; every record with it is rejected"));
            }
        }
    }

    /// <summary>
    /// The first <see cref="OthersNamed"/> records other than <paramref name="index"/> that share its id, and how many
    /// more: one problem per record stays the same size however many records share the id.
    /// </summary>
    private string Others(List<int> indexes, int index)
    {
        var text = new System.Text.StringBuilder();
        var named = 0;
        foreach (var other in indexes)
        {
            if (named == OthersNamed)
            {
                break;
            }

            if (other != index)
            {
                text.Append(named == 0 ? string.Empty : ", ").Append(array).Append('[').Append(other.ToString(CultureInfo.InvariantCulture)).Append(']');
                named++;
            }
        }

        var more = indexes.Count - 1 - named;
        return more > 0 ? text.Append(" and ").Append(more.ToString("N0", CultureInfo.InvariantCulture)).Append(" more").ToString() : text.ToString();
    }

    public HashSet<string> ValidIds()
    {
        var valid = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, (index, _)) in _first)
        {
            if (!_duplicates.ContainsKey(id) && !_rejected.Contains(index))
            {
                valid.Add(id);
            }
        }

        return valid;
    }
}
