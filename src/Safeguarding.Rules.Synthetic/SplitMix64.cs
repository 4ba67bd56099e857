namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// The SplitMix64 generator (Steele, Lea and Flood; reference code by Sebastiano Vigna, public domain).
/// Integer-only, so its output is the same on every runtime and machine. Used to seed <see cref="DeterministicRandom"/>.
/// </summary>
public sealed class SplitMix64
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Creates a generator whose state is <paramref name="seed"/>.</summary>
    /// <param name="seed">Any value, zero included.</param>
    public SplitMix64(ulong seed)
    {
        _state = seed;
    }

    /// <summary>Returns the next 64-bit output and advances the state.</summary>
    /// <returns>A value uniformly distributed over all 64-bit values.</returns>
    public ulong NextUInt64()
    {
        unchecked
        {
            _state += GoldenGamma;
            var z = _state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
