using Safeguarding.Rules.Synthetic;

namespace Safeguarding.Rules.Synthetic.Tests;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_Seed1234567_MatchesPublishedReferenceSequence()
    {
        // The sequence published with the algorithm's reference C code (also checked by compiling that code).
        var generator = new SplitMix64(1234567);

        var values = Enumerable.Range(0, 5).Select(_ => generator.NextUInt64()).ToArray();

        values.Should().Equal(
            6457827717110365317UL,
            3203168211198807973UL,
            9817491932198370423UL,
            4593380528125082431UL,
            16408922859458223821UL);
    }

    [Fact]
    public void NextUInt64_SeedZero_MatchesReferenceCode()
    {
        // Output of Vigna's splitmix64.c with x = 0.
        var generator = new SplitMix64(0);

        var values = Enumerable.Range(0, 3).Select(_ => generator.NextUInt64()).ToArray();

        values.Should().Equal(16294208416658607535UL, 7960286522194355700UL, 487617019471545679UL);
    }
}
