using System.Text;
using Safeguarding.Rules.Serialization;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>Input that can never be JSON (<c>/dev/zero</c>, a binary file) fails at the first bad byte, without reading the rest.</summary>
public sealed class EarlyFailureTests
{
    private const long OneMegabyte = 1024 * 1024;

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Read_UnknownPropertyNestedDeep_IsReadUpToTheLimitThenNamedAsTooDeep(int levels, bool read)
    {
        // The document object is level 1, so an unknown property's value of n - 1 arrays takes the document to n levels.
        var json = "{\"asOf\": \"2018-05-01\", \"extra\": " + new string('[', levels - 1) + new string(']', levels - 1) + "}";

        var snapshot = SnapshotJson.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)));

        if (read)
        {
            snapshot.Problems.Should().BeEmpty();
        }
        else
        {
            var column = "{\"asOf\": \"2018-05-01\", \"extra\": ".Length + 64;
            snapshot.Problems.Should().ContainSingle().Which.Problem.Should()
                .Be($"nests objects and arrays more than 64 levels deep, so it is not read: level 65 starts at line 1, byte position {column} (counting from 1)");
        }
    }

    [Fact]
    public void Read_EndlessZeros_FailsAtTheFirstByte()
    {
        var input = new EndlessStream([], 0);

        var snapshot = SnapshotJson.Read(input);

        input.BytesRead.Should().BeLessThan(OneMegabyte);
        snapshot.Problems.Should().ContainSingle().Which.Problem.Should().Be("is not valid JSON: the error is at line 1, byte position 1 (counting from 1)");
    }

    [Fact]
    public void Read_ValidStartThenEndlessZeros_FailsWhereTheZerosStart()
    {
        var input = new EndlessStream(Encoding.UTF8.GetBytes("{\n  \"offenders\": [ {\"id\": \"RSO-"), 0);

        var snapshot = SnapshotJson.Read(input);

        input.BytesRead.Should().BeLessThan(OneMegabyte);
        snapshot.Problems.Should().ContainSingle().Which.Problem.Should().Contain("line 2, byte position 30");
    }

    [Fact]
    public void Read_EndlessInvalidUtf8_FailsAtTheFirstInvalidByte()
    {
        var input = new EndlessStream(Encoding.UTF8.GetBytes("{\"asOf\": \""), 0xFF);

        var snapshot = SnapshotJson.Read(input);

        input.BytesRead.Should().BeLessThan(OneMegabyte);
        snapshot.Problems.Should().ContainSingle().Which.Problem.Should().Be("is not valid UTF-8 text: the error is at line 1, byte position 11 (counting from 1)");
    }

    [Fact]
    public void Read_EndlessTextThatCannotStartJson_FailsAtItsFirstCharacter()
    {
        var input = new EndlessStream("\uFEFF  "u8.ToArray(), (byte)'x');

        var snapshot = SnapshotJson.Read(input);

        input.BytesRead.Should().BeLessThan(OneMegabyte);
        snapshot.Problems.Should().ContainSingle().Which.Problem.Should().Contain("line 1, byte position 3");
    }

    [Fact]
    public void Read_EndlessZerosAsAPolicy_FailsAtTheFirstByte()
    {
        var input = new EndlessStream([], 0);

        var result = PolicyJson.Read(input);

        input.BytesRead.Should().BeLessThan(OneMegabyte);
        result.Problems.Should().ContainSingle().Which.ToString().Should().Contain("not valid JSON");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Read_MultiByteCharactersSplitAcrossReads_AreStillValid(int chunk)
    {
        var document = Encoding.UTF8.GetBytes("\uFEFF{ \"asOf\": \"2018-05-01\", \"unknown\": \"é € 𝄞 ü\", \"offenders\": [] }");

        var snapshot = SnapshotJson.Read(new ChunkedStream(document, chunk));

        snapshot.Problems.Should().BeEmpty();
        snapshot.Snapshot.AsOf.Should().Be(new DateOnly(2018, 5, 1));
    }
}
