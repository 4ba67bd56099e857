namespace Safeguarding.Rules.Tests.Differential;

/// <summary>One engine for all differential tests: rules compile once, and the engine is thread-safe.</summary>
internal static class SharedEngine
{
    public static SafeguardingEngine Instance { get; } = new();
}
