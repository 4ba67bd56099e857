
namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>One way the actual findings of a scenario differ from its expectations.</summary>
/// <param name="Kind">Missing, unexpected or differing.</param>
/// <param name="FindingKind">The finding kind concerned.</param>
/// <param name="Expected">The expectation (missing, differing); <see langword="null"/> for an unexpected finding.</param>
/// <param name="Actual">The actual finding (unexpected, differing); <see langword="null"/> for a missing one.</param>
public sealed record FindingDifference(FindingDifferenceKind Kind, string FindingKind, FindingExpectation? Expected, Finding? Actual)
{
    /// <summary>For a differing finding, the fields that differ, each as <c>field (expected X, actual Y)</c>; otherwise empty.</summary>
    public IReadOnlyList<string> Mismatches =>
        Kind == FindingDifferenceKind.Differing && Expected is not null && Actual is not null ? Expected.Mismatches(Actual) : [];

    /// <summary>The difference as diff lines: <c>- missing</c>, <c>+ unexpected</c> or <c>~ differs</c>, then the actual finding and its reason.</summary>
    public override string ToString() => string.Join('\n', Lines(string.Empty));

    internal IEnumerable<string> Lines(string indent)
    {
        var at = Expected is { Line: > 0 } e ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"   (line {e.Line})") : string.Empty;
        switch (Kind)
        {
            case FindingDifferenceKind.Missing:
                yield return $"{indent}- missing     {Expected}{at}";
                break;
            case FindingDifferenceKind.Unexpected:
                yield return $"{indent}+ unexpected  {FindingExpectation.Describe(Actual!)}";
                yield return $"{indent}    reason: {Actual!.Reason}";
                break;
            default:
                yield return $"{indent}~ expected    {Expected}{at}";
                yield return $"{indent}    actual:   {FindingExpectation.Describe(Actual!)}";
                yield return $"{indent}    differs:  {string.Join("; ", Mismatches)}";
                yield return $"{indent}    reason: {Actual!.Reason}";
                break;
        }
    }
}
