using Safeguarding.Rules.Validation;

namespace Safeguarding.Rules.Csv.Reading;

/// <summary>
/// Names the file, line and column of the problems the checks across records find in a snapshot read from a CSV
/// folder (duplicate ids, references, ranges), which know only the array, index and field.
/// </summary>
internal sealed class CsvProblemLocator(IReadOnlyDictionary<string, FilePlaces> byArray, FilePlaces? document) : IProblemLocator
{
    public InputProblem Locate(InputProblem problem)
    {
        if (problem.File is not null)
        {
            return problem;
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
}
