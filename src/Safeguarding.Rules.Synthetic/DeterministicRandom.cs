namespace Safeguarding.Rules.Synthetic;

/// <summary>
/// A seeded pseudo-random generator whose output is identical on every runtime and machine
/// (<see cref="Random"/> with a seed does not promise that): xoshiro256** 1.0 (Blackman and Vigna),
/// its state filled from <see cref="SplitMix64"/> as the algorithm's authors recommend.
/// Every method uses integer arithmetic only. Not for cryptography; not thread-safe.
/// </summary>
public sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>Creates a generator from a seed: the same seed gives the same sequence everywhere.</summary>
    /// <param name="seed">Any value, zero included.</param>
    public DeterministicRandom(ulong seed)
    {
        var seeder = new SplitMix64(seed);
        _s0 = seeder.NextUInt64();
        _s1 = seeder.NextUInt64();
        _s2 = seeder.NextUInt64();
        _s3 = seeder.NextUInt64();
    }

    private DeterministicRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>Returns the next 64-bit output of xoshiro256**.</summary>
    /// <returns>A value uniformly distributed over all 64-bit values.</returns>
    public ulong NextUInt64()
    {
        unchecked
        {
            var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = ulong.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>Returns a uniformly distributed integer in [0, <paramref name="maxExclusive"/>), without bias (Lemire's method).</summary>
    /// <param name="maxExclusive">The exclusive upper bound; at least 1.</param>
    /// <returns>An integer at least 0 and below <paramref name="maxExclusive"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is below 1.</exception>
    public int Next(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExclusive, 1);
        return (int)NextBelow((uint)maxExclusive);
    }

    /// <summary>Returns a uniformly distributed integer in [<paramref name="minInclusive"/>, <paramref name="maxExclusive"/>), without bias.</summary>
    /// <param name="minInclusive">The inclusive lower bound.</param>
    /// <param name="maxExclusive">The exclusive upper bound; above <paramref name="minInclusive"/>.</param>
    /// <returns>An integer at least <paramref name="minInclusive"/> and below <paramref name="maxExclusive"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxExclusive"/> is not above <paramref name="minInclusive"/>.</exception>
    public int Next(int minInclusive, int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxExclusive, minInclusive);
        var range = (uint)((long)maxExclusive - minInclusive);
        return (int)(minInclusive + (long)NextBelow(range));
    }

    /// <summary>
    /// Returns <see langword="true"/> with a probability of <paramref name="perThousand"/> in a thousand, exactly
    /// (one draw of <see cref="Next(int)"/> with bound 1000, whatever the argument, so the stream does not depend on it).
    /// </summary>
    /// <param name="perThousand">The probability in thousandths; 0 or less is never, 1000 or more is always.</param>
    /// <returns>Whether the event happens.</returns>
    public bool Chance(int perThousand) => NextBelow(1000) < perThousand;

    /// <summary>Creates a generator with the given raw xoshiro256** state, for checking against the reference vectors.</summary>
    internal static DeterministicRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(s0, s1, s2, s3);

    /// <summary>Lemire's nearly-divisionless unbiased bounded integer, on the upper 32 bits of each output.</summary>
    private uint NextBelow(uint bound)
    {
        var product = (ulong)NextUInt32() * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = unchecked(0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)NextUInt32() * bound;
                low = (uint)product;
            }
        }

        return (uint)(product >> 32);
    }

    private uint NextUInt32() => (uint)(NextUInt64() >> 32);
}
