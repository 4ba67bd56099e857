namespace Safeguarding.Rules.Validation;

/// <summary>
/// Places a problem in the files a snapshot was read from (a CSV folder: file, line, column), so the checks across
/// records, which only know the array, index and field, name the place as the reader's own problems do.
/// </summary>
internal interface IProblemLocator
{
    /// <summary>The problem with its place added; the problem itself when it already has one or none can be found.</summary>
    InputProblem Locate(InputProblem problem);
}
