namespace Safeguarding.Rules.Validation;

/// <summary>
/// The fields that already have a problem, by record (array and index), and those of a file's header (no index), for
/// every record of its array: gathered once, when first asked, from <paramref name="problems"/> as they are then. A
/// malformed record's partial copy gets its other checks (contract section 3: every problem at once) with this, so that
/// a field the reader already reported is not reported again; one pass, however many records are malformed.
/// </summary>
internal sealed class ReportedFields(IReadOnlyList<InputProblem> problems)
{
    private Dictionary<(string Array, int Index), HashSet<string>>? _byRecord;
    private HashSet<(string Array, string Field)>? _forAll;

    /// <summary>Whether <paramref name="field"/> of record <paramref name="index"/> of <paramref name="array"/> has a problem (its own or its file header's).</summary>
    public bool Has(string array, int index, string field)
    {
        if (_byRecord is null)
        {
            Gather();
        }

        return _forAll!.Contains((array, field)) || (_byRecord!.TryGetValue((array, index), out var fields) && fields.Contains(field));
    }

    private void Gather()
    {
        _byRecord = [];
        _forAll = [];
        foreach (var problem in problems)
        {
            if (problem.Array is not { } array)
            {
                continue;
            }

            if (problem.Index is not { } index)
            {
                _forAll.Add((array, problem.Field));
            }
            else if (_byRecord.TryGetValue((array, index), out var fields))
            {
                fields.Add(problem.Field);
            }
            else
            {
                _byRecord[(array, index)] = new HashSet<string>(StringComparer.Ordinal) { problem.Field };
            }
        }
    }
}
