using CsCheck;
using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

public sealed class DeterministicRandomTests
{
    [Fact]
    public void NextUInt64_State1234_MatchesXoshiro256StarStarReferenceVectors()
    {
        // xoshiro256** 1.0 reference (prng.di.unimi.it) from the state {1, 2, 3, 4}.
        var random = DeterministicRandom.FromState(1, 2, 3, 4);

        var values = Enumerable.Range(0, 10).Select(_ => random.NextUInt64()).ToArray();

        values.Should().Equal(
            11520UL,
            0UL,
            1509978240UL,
            1215971899390074240UL,
            1216172134540287360UL,
            607988272756665600UL,
            16172922978634559625UL,
            8476171486693032832UL,
            10595114339597558777UL,
            2904607092377533576UL);
    }

    [Fact]
    public void NextUInt64_Seed1_MatchesReferenceCodeSeededBySplitMix64()
    {
        // The reference C code with s[0..3] = four splitmix64 outputs from x = 1.
        var random = new DeterministicRandom(1);

        var values = Enumerable.Range(0, 4).Select(_ => random.NextUInt64()).ToArray();

        values.Should().Equal(12966619160104079557UL, 9600361134598540522UL, 10590380919521690900UL, 7218738570589545383UL);
    }

    [Fact]
    public void Next_Seed1_IsLemireMultiplyShiftOfUpper32Bits()
    {
        // (upper 32 bits of each reference output) * 100 >> 32, computed by hand; no draw needed rejecting.
        var random = new DeterministicRandom(1);

        var values = new[] { random.Next(100), random.Next(100), random.Next(100) };

        values.Should().Equal(70, 52, 57);
    }

    [Fact]
    public void Next_MinAndMax_OffsetsTheBoundedDraw()
    {
        // First reference output: upper 32 bits * 10 >> 32 = 7.
        var random = new DeterministicRandom(1);

        random.Next(10, 20).Should().Be(17);
    }

    [Fact]
    public void NextUInt64_SameSeed_GivesSameSequence()
    {
        var first = new DeterministicRandom(42);
        var second = new DeterministicRandom(42);

        for (var i = 0; i < 1000; i++)
        {
            first.NextUInt64().Should().Be(second.NextUInt64());
        }
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_GiveDifferentSequences()
    {
        var first = new DeterministicRandom(1);
        var second = new DeterministicRandom(2);

        var a = Enumerable.Range(0, 8).Select(_ => first.NextUInt64()).ToArray();
        var b = Enumerable.Range(0, 8).Select(_ => second.NextUInt64()).ToArray();

        a.Should().NotEqual(b);
    }

    [Fact]
    public void Next_AnySeedAndBound_StaysInRange()
    {
        Gen.Select(Gen.ULong, Gen.Int[1, int.MaxValue]).Sample((seed, bound) =>
        {
            var random = new DeterministicRandom(seed);
            for (var i = 0; i < 20; i++)
            {
                var value = random.Next(bound);
                if (value < 0 || value >= bound)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Fact]
    public void Next_AnyRange_StaysInRange()
    {
        Gen.Select(Gen.ULong, Gen.Int, Gen.Int).Sample((seed, a, b) =>
        {
            if (a == b)
            {
                return true;
            }

            var (min, max) = a < b ? (a, b) : (b, a);
            var random = new DeterministicRandom(seed);
            var value = random.Next(min, max);
            return value >= min && value < max;
        });
    }

    [Fact]
    public void Next_FullIntRange_CoversNegativeAndPositive()
    {
        var random = new DeterministicRandom(7);
        var negative = 0;
        var positive = 0;
        for (var i = 0; i < 1000; i++)
        {
            var value = random.Next(int.MinValue, int.MaxValue);
            if (value < 0)
            {
                negative++;
            }
            else
            {
                positive++;
            }
        }

        negative.Should().BeInRange(400, 600);
        positive.Should().BeInRange(400, 600);
    }

    [Fact]
    public void Next_BoundOne_AlwaysZero()
    {
        var random = new DeterministicRandom(3);

        Enumerable.Range(0, 100).Select(_ => random.Next(1)).Should().OnlyContain(v => v == 0);
    }

    [Fact]
    public void Next_ManyDraws_AreRoughlyUniform()
    {
        var random = new DeterministicRandom(2018);
        var buckets = new int[6];
        for (var i = 0; i < 60_000; i++)
        {
            buckets[random.Next(6)]++;
        }

        // Expected 10,000 each; the standard deviation is about 91, so 500 is over five of them.
        buckets.Should().OnlyContain(count => count >= 9_500 && count <= 10_500);
    }

    [Fact]
    public void Next_LargeBoundThatForcesRejection_IsRoughlyUniformAcrossHalves()
    {
        // 3 x 2^30 leaves a quarter of the 32-bit space to reject; an unbiased draw still splits evenly around the middle.
        const int bound = 3 << 29;
        var random = new DeterministicRandom(11);
        var low = 0;
        for (var i = 0; i < 20_000; i++)
        {
            if (random.Next(bound) < bound / 2)
            {
                low++;
            }
        }

        low.Should().BeInRange(9_700, 10_300);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Next_BoundBelowOne_Throws(int bound)
    {
        var random = new DeterministicRandom(1);

        var act = () => random.Next(bound);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Next_EmptyRange_Throws()
    {
        var random = new DeterministicRandom(1);

        var act = () => random.Next(5, 5);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1000, 20_000, 20_000)]
    [InlineData(250, 4_700, 5_300)]
    [InlineData(20, 310, 500)]
    public void Chance_PerThousand_HappensAboutThatOften(int perThousand, int atLeast, int atMost)
    {
        var random = new DeterministicRandom(5);
        var hits = 0;
        for (var i = 0; i < 20_000; i++)
        {
            if (random.Chance(perThousand))
            {
                hits++;
            }
        }

        hits.Should().BeInRange(atLeast, atMost);
    }
}
