using System.Globalization;
using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Names the file, line and column of the problems the checks across records find in a snapshot read from a CSV
/// folder (duplicate ids, references, ranges, orderings), which know only the array, index and field. A problem of a
/// nested record (field <c>interviews[k].startedAt</c>) is placed on the k-th row of its parent in the nested file.
/// </summary>
internal sealed class CsvProblemLocator(IReadOnlyDictionary<string, FilePlaces> byArray, FilePlaces? document, IReadOnlyDictionary<string, NestedPlaces> nested) : IProblemLocator
{
    public InputProblem Locate(InputProblem problem)
    {
        if (problem.File is not null)
        {
            return problem;
        }

        if (problem.Array is not null && problem.Index is { } index && nested.TryGetValue(problem.Array, out var children)
            && NestedRow(problem.Field, children.Property) is var (k, field) && k >= 0
            && children.LineOf(index, k) is { } line)
        {
            return problem with
            {
                File = children.Places.FileName,
                Line = line,
                Column = field is null ? 1 : children.Places.ColumnOf(field),
            };
        }

        var places = problem.Array is null ? document : byArray.GetValueOrDefault(problem.Array);
        if (places is null)
        {
            return problem;
        }

        return problem with
        {
            File = places.FileName,
            Line = problem.Array is null ? places.LineOf(0) : places.LineOf(problem.Index),
            Column = places.ColumnOf(problem.Field),
        };
    }

    /// <summary>The nested row and its field named by <paramref name="path"/> (<c>interviews[2].startedAt</c>): k = -1 when it names none.</summary>
    private static (int K, string? Field) NestedRow(string path, string property)
    {
        if (!path.StartsWith(property + "[", StringComparison.Ordinal))
        {
            return (-1, null);
        }

        var close = path.IndexOf(']', property.Length);
        if (close < 0 || !int.TryParse(path.AsSpan(property.Length + 1, close - property.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var k))
        {
            return (-1, null);
        }

        return (k, close + 2 <= path.Length && close + 1 < path.Length && path[close + 1] == '.' ? path[(close + 2)..] : null);
    }
}
