namespace Safeguarding.Rules.Csv.Tests.Support;

/// <summary>One compiled engine for every test (compiling the rules is the slow part).</summary>
internal static class Engine
{
    private static readonly Lazy<SafeguardingEngine> Shared = new(static () => new SafeguardingEngine());

    public static SafeguardingEngine Instance => Shared.Value;

    /// <summary>Evaluates with partial results allowed, so every problem is listed and valid records still evaluated.</summary>
    public static EvaluationReport Partial(Serialization.SnapshotReadResult input) =>
        Instance.Evaluate(input, new EvaluationOptions { AllowPartialResults = true });
}
