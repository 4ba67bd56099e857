using System.Globalization;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>One problem with a scenario file: where it is (file, line, column) and which field, and what is wrong.</summary>
/// <param name="File">The file as it was named when loaded.</param>
/// <param name="Line">The line, counted from 1.</param>
/// <param name="Column">The column, counted from 1.</param>
/// <param name="Field">The field's path in the scenario (<c>given.offenders[0].risk</c>), or <c>$</c> for the file as a whole.</param>
/// <param name="Message">What is wrong, in plain words.</param>
public sealed record ScenarioProblem(string File, int Line, int Column, string Field, string Message)
{
    /// <summary>Formats the problem as <c>file:line:column: field: message</c>, the form editors and CI logs link to.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Field}: {Message}");
}
