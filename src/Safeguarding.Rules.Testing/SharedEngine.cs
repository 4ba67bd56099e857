namespace Safeguarding.Rules.Testing;

/// <summary>One engine with the built-in rules, compiled on first use and shared by every scenario that brings none.</summary>
internal static class SharedEngine
{
    private static readonly Lazy<SafeguardingEngine> Engine = new(() => new SafeguardingEngine(), LazyThreadSafetyMode.ExecutionAndPublication);

    public static SafeguardingEngine Instance => Engine.Value;
}
