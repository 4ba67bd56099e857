using System.Globalization;
using System.Text;

namespace Safeguarding.Rules;

/// <summary>
/// One problem with the input (contract section 3): the record it is in, the field, and what is wrong.
/// Holds identifiers, positions and field names only, never a field's value, so it is safe to log.
/// </summary>
/// <param name="Array">The snapshot array holding the record (<c>offenders</c>, <c>visits</c>, ...), or <see langword="null"/> for a problem with the document itself.</param>
/// <param name="Index">The record's zero-based index in that array, or <see langword="null"/> for a document problem.</param>
/// <param name="Id">The record's id when it has one that could be read.</param>
/// <param name="Field">The field (property name) at fault; for a document problem, the top-level property or <c>$</c>.</param>
/// <param name="Problem">What is wrong, in plain words.</param>
public sealed record InputProblem(string? Array, int? Index, string? Id, string Field, string Problem)
{
    /// <summary>
    /// The file of a CSV folder the problem is in (<c>offenders.csv</c>, ...), or <see langword="null"/> for a snapshot
    /// read from JSON or built in code (contract section 9).
    /// </summary>
    public string? File { get; init; }

    /// <summary>The 1-based line of <see cref="File"/> on which the record (or the header) starts; <see langword="null"/> when there is no file.</summary>
    public int? Line { get; init; }

    /// <summary>
    /// The 1-based column of <see cref="File"/> at fault: the position of the cell in its row, for a column missing
    /// from the header or a cell missing from a row the position it would have; <see langword="null"/> when there is no file.
    /// </summary>
    public int? Column { get; init; }

    /// <summary>Whether this problem concerns the document as a whole (unparseable JSON, wrong schema version), so nothing can be evaluated.</summary>
    public bool IsDocumentProblem => Array is null;

    /// <summary>
    /// Formats the problem as one line: <c>offenders[3] (id RSO-1) riskLevel: problem</c>, after
    /// <c>offenders.csv:5:4: </c> (file, line, column) for a problem in a CSV folder.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        if (File is not null)
        {
            text.Append(File).Append(':').Append(Line?.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(Column?.ToString(CultureInfo.InvariantCulture)).Append(": ");
        }

        if (Array is not null)
        {
            text.Append(Array);
            if (Index is { } index)
            {
                // A problem of a whole file (a column missing from a CSV header) has no index.
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }

            if (Id is not null)
            {
                text.Append(" (id ").Append(Id).Append(')');
            }

            text.Append(' ');
        }

        return text.Append(Field).Append(": ").Append(Problem).ToString();
    }
}
