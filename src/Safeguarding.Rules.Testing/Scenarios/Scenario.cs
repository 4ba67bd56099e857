using Safeguarding.Rules.Domain;
using Safeguarding.Rules.Policies;

namespace Safeguarding.Rules.Testing.Scenarios;

/// <summary>
/// A scenario read from a file: a description, an as-of date, policy changes, the given facts and the expected findings.
/// Load one with <see cref="ScenarioFile.Load(string)"/> and run it with <see cref="ScenarioRunner"/>.
/// </summary>
public sealed class Scenario
{
    private readonly SafeguardingPolicy _policy;

    internal Scenario(
        string name,
        string path,
        string description,
        DateOnly asOf,
        SafeguardingPolicy policy,
        byte[]? policyChanges,
        bool exhaustive,
        bool allowPartialResults,
        CaseloadSnapshot snapshot,
        IReadOnlyList<FindingExpectation> expectations)
    {
        Name = name;
        Path = path;
        Description = description;
        AsOf = asOf;
        _policy = policy;
        PolicyChanges = policyChanges;
        Exhaustive = exhaustive;
        AllowPartialResults = allowPartialResults;
        Snapshot = snapshot;
        Expectations = expectations;
        ExpectedKinds = expectations.Select(e => e.Kind).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The scenario's name: its file name (relative to the folder, with <c>/</c>, when run from a folder).</summary>
    public string Name { get; }

    /// <summary>The file's path as it was given.</summary>
    public string Path { get; }

    /// <summary>What the scenario shows, in the policy team's words.</summary>
    public string Description { get; }

    /// <summary>The as-of date of the evaluation.</summary>
    public DateOnly AsOf { get; }

    /// <summary>A copy of the policy the scenario evaluates under: its <c>policy</c> changes merged over the defaults.</summary>
    public SafeguardingPolicy Policy => _policy.Clone();

    /// <summary>Whether findings of kinds the scenario does not name are unexpected too (by default they are ignored).</summary>
    public bool Exhaustive { get; }

    /// <summary>Whether invalid records are evaluated around (each rejected offender then becomes a DataQuality finding).</summary>
    public bool AllowPartialResults { get; }

    /// <summary>The given facts as a caseload snapshot.</summary>
    public CaseloadSnapshot Snapshot { get; }

    /// <summary>The expected findings, in file order.</summary>
    public IReadOnlyList<FindingExpectation> Expectations { get; }

    /// <summary>The kinds the scenario names: for each, the actual findings must be exactly the expected ones.</summary>
    public IReadOnlyList<string> ExpectedKinds { get; }

    /// <summary>The <c>policy</c> block as a contract section 4 JSON document; <see langword="null"/> when the scenario changes nothing.</summary>
    internal byte[]? PolicyChanges { get; }
}
