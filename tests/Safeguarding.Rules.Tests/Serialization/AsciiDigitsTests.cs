using System.Text;
using FluentAssertions;
using Safeguarding.Rules.Serialization;
using Xunit;

namespace Safeguarding.Rules.Tests.Serialization;

/// <summary>The date reader of the snapshot reader (<see cref="AsciiDigits.TryParseDate"/>) against the digit-run reader it replaced.</summary>
public sealed class AsciiDigitsTests
{
    [Theory]
    [InlineData("2018-05-01", true, 2018, 5, 1)]
    [InlineData("0000-00-00", true, 0, 0, 0)]
    [InlineData("9999-99-99", true, 9999, 99, 99)]
    [InlineData("2018/05/01", false, 0, 0, 0)]
    [InlineData("2018-05-1", false, 0, 0, 0)]
    [InlineData("2018-05-011", false, 0, 0, 0)]
    [InlineData("201:-05-01", false, 0, 0, 0)]
    [InlineData("2018-0/-01", false, 0, 0, 0)]
    [InlineData("+018-05-01", false, 0, 0, 0)]
    [InlineData("2018-05-\u00b9\u00b9", false, 0, 0, 0)]
    public void TryParseDate_Text_ReadsOnlyTenBytesOfDigitsAndHyphens(string text, bool read, int year, int month, int day)
    {
        var parsed = AsciiDigits.TryParseDate(Encoding.UTF8.GetBytes(text), out var y, out var m, out var d);

        parsed.Should().Be(read);
        (y, m, d).Should().Be((year, month, day));
    }

    [Fact]
    public void TryParseDate_RandomText_AgreesWithReadingEachRunOfDigits()
    {
        // Bytes around the digits ('/' and ':'), hyphens and a non-ASCII byte, at the lengths around ten.
        var alphabet = "0123456789-/:\u00e9"u8.ToArray();
        var random = new Random(20261130);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new byte[random.Next(9, 12)];
            for (var j = 0; j < text.Length; j++)
            {
                text[j] = j is 4 or 7 && random.Next(4) > 0 ? (byte)'-' : random.Next(5) > 0 ? (byte)('0' + random.Next(10)) : alphabet[random.Next(alphabet.Length)];
            }

            var expected = text.Length == 10 && text[4] == '-' && text[7] == '-'
                && AsciiDigits.TryParse(text.AsSpan(0, 4), out var year) & AsciiDigits.TryParse(text.AsSpan(5, 2), out var month) & AsciiDigits.TryParse(text.AsSpan(8, 2), out var day)
                ? (true, year, month, day)
                : (false, 0, 0, 0);

            var parsed = AsciiDigits.TryParseDate(text, out var y, out var m, out var d);

            (parsed, parsed ? y : 0, parsed ? m : 0, parsed ? d : 0).Should().Be(expected, "the text was {0}", Encoding.Latin1.GetString(text));
        }
    }
}
