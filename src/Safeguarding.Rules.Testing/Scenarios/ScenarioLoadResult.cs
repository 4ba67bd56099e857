using System.Diagnostics.CodeAnalysis;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>The result of reading a scenario file: the scenario, or every problem with the file.</summary>
/// <param name="Path">The file's path as it was given.</param>
/// <param name="Scenario">The scenario; <see langword="null"/> when there are problems.</param>
/// <param name="Problems">Every problem, each naming the file, line, column and field; empty when the scenario is valid.</param>
public sealed record ScenarioLoadResult(string Path, Scenario? Scenario, IReadOnlyList<ScenarioProblem> Problems)
{
    /// <summary>Whether the file gave a valid scenario.</summary>
    [MemberNotNullWhen(true, nameof(Scenario))]
    public bool IsValid => Scenario is not null && Problems.Count == 0;

    /// <summary>The problems, one per line (<c>file:line:column: field: message</c>); empty when valid.</summary>
    public override string ToString() => string.Join('\n', Problems);
}
