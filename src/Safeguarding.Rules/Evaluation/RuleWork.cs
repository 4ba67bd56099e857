namespace Safeguarding.Rules.Evaluation;

/// <summary>
/// For tests: counts, on one asynchronous flow (the test's, and the tasks it starts), how many rules NRules compiled and
/// how many rule classes had their metadata scanned for the rule switches. Nothing is counted when no test counts.
/// </summary>
internal static class RuleWork
{
    private static readonly AsyncLocal<Counts?> Current = new();

    /// <summary>Starts counting on the calling flow; the counts are those of the work done on it afterwards.</summary>
    public static Counts Count() => Current.Value = new Counts();

    /// <summary>Notes <paramref name="rules"/> rules compiled into a session factory.</summary>
    public static void Compiled(int rules) => Current.Value?.AddCompiled(rules);

    /// <summary>Notes <paramref name="types"/> rule classes whose metadata was scanned.</summary>
    public static void Scanned(int types) => Current.Value?.AddScanned(types);

    /// <summary>What was counted.</summary>
    internal sealed class Counts
    {
        private int _rulesCompiled;
        private int _typesScanned;

        /// <summary>Rules compiled into session factories.</summary>
        public int RulesCompiled => Volatile.Read(ref _rulesCompiled);

        /// <summary>Rule classes whose metadata was scanned for the rule switches.</summary>
        public int TypesScanned => Volatile.Read(ref _typesScanned);

        internal void AddCompiled(int rules) => Interlocked.Add(ref _rulesCompiled, rules);

        internal void AddScanned(int types) => Interlocked.Add(ref _typesScanned, types);
    }
}
