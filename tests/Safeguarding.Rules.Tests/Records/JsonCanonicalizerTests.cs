using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;
using Safeguarding.Rules.Records;

namespace Safeguarding.Rules.Tests.Records;

/// <summary>RFC 8785 (JCS): the canonical form the decision record's hashes are taken of.</summary>
public sealed class JsonCanonicalizerTests
{
    /// <summary>RFC 8785 appendix B: IEEE 754 doubles (as their bits) and their canonical text.</summary>
    public static TheoryData<string, string> AppendixBNumbers => new()
    {
        { "0000000000000000", "0" },
        { "8000000000000000", "0" },
        { "0000000000000001", "5e-324" },
        { "8000000000000001", "-5e-324" },
        { "7fefffffffffffff", "1.7976931348623157e+308" },
        { "ffefffffffffffff", "-1.7976931348623157e+308" },
        { "4340000000000000", "9007199254740992" },
        { "c340000000000000", "-9007199254740992" },
        { "4430000000000000", "295147905179352830000" },
        { "44b52d02c7e14af5", "9.999999999999997e+22" },
        { "44b52d02c7e14af6", "1e+23" },
        { "44b52d02c7e14af7", "1.0000000000000001e+23" },
        { "444b1ae4d6e2ef4e", "999999999999999700000" },
        { "444b1ae4d6e2ef4f", "999999999999999900000" },
        { "444b1ae4d6e2ef50", "1e+21" },
        { "3eb0c6f7a0b5ed8c", "9.999999999999997e-7" },
        { "3eb0c6f7a0b5ed8d", "0.000001" },
        { "41b3de4355555553", "333333333.3333332" },
        { "41b3de4355555554", "333333333.33333325" },
        { "41b3de4355555555", "333333333.3333333" },
        { "41b3de4355555556", "333333333.3333334" },
        { "41b3de4355555557", "333333333.33333343" },
        { "becbf647612f3696", "-0.0000033333333333333333" },
        { "43143ff3c1cb0959", "1424953923781206.2" },
    };

    [Theory]
    [MemberData(nameof(AppendixBNumbers))]
    public void Format_RfcAppendixBValue_GivesTheRfcText(string bits, string expected)
    {
        var value = BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64BigEndian(Convert.FromHexString(bits)));

        Format(value).Should().Be(expected);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void Format_NotAJsonNumber_Throws(string text)
    {
        var value = double.Parse(text, CultureInfo.InvariantCulture);

        var format = () => Format(value);

        format.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Canonicalize_RfcSection322Example_GivesTheRfcOutput()
    {
        const string input = """
            {
              "numbers": [333333333.33333329, 1E30, 4.50,
                          2e-3, 0.000000000000000000000000001],
              "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
              "literals": [null, true, false]
            }
            """;

        var canonical = Canonical(input);

        canonical.Should().Be("""{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],"string":"€$\u000f\nA'B\"\\\\\"/"}""");
    }

    [Fact]
    public void Canonicalize_RfcSection322Example_GivesTheRfcBytes()
    {
        // RFC 8785 section 3.2.4: the UTF-8 of the canonical form above, byte for byte.
        const string expectedHex =
            "7b226c69746572616c73223a5b6e756c6c2c747275652c66616c73655d2c226e756d62657273223a5b333333333333333333"
            + "2e333333333333332c31652b33302c342e352c302e3030322c31652d32375d2c22737472696e67223a22e282ac245c753030"
            + "30665c6e4127425c225c5c5c5c5c222f227d";
        const string input = """{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""";

        var canonical = JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(input));

        Convert.ToHexString(canonical).ToLowerInvariant().Should().Be(expectedHex);
    }

    [Fact]
    public void Canonicalize_RfcSection323SortingExample_SortsByUtf16CodeUnits()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        using var document = JsonDocument.Parse(Canonical(input));

        document.RootElement.EnumerateObject().Select(p => p.Value.GetString()).Should().Equal(
            "Carriage Return", "One", "Control", "Latin Small Letter O With Diaeresis", "Euro Sign", "Emoji: Grinning Face",
            "Hebrew Letter Dalet With Dagesh");
    }

    [Fact]
    public void Canonicalize_EveryControlCharacter_IsEscapedAsTheRfcSays()
    {
        var input = "\"" + string.Concat(Enumerable.Range(0, 0x20).Select(c => "\\u" + c.ToString("X4", CultureInfo.InvariantCulture))) + "\\u007f\\u2028\"";

        var canonical = Canonical(input);

        canonical.Should().Be(
            "\"\\u0000\\u0001\\u0002\\u0003\\u0004\\u0005\\u0006\\u0007\\b\\t\\n\\u000b\\f\\r\\u000e\\u000f"
            + "\\u0010\\u0011\\u0012\\u0013\\u0014\\u0015\\u0016\\u0017\\u0018\\u0019\\u001a\\u001b\\u001c\\u001d\\u001e\\u001f"
            + "\u007f\u2028\"");
    }

    [Theory]
    [InlineData("""{ "b": [ 1, { "z": 1, "a": 2 } ], "a": { } }""", """{"a":{},"b":[1,{"a":2,"z":1}]}""")]
    [InlineData("""[ ]""", """[]""")]
    [InlineData("""  "x"  """, "\"x\"")]
    [InlineData("""[ -0, 1.0, 100, 83.30, 1e2, 0.1 ]""", """[0,1,100,83.3,100,0.1]""")]
    [InlineData("""{ "\u0061": "\u00e9", "b": "/" }""", """{"a":"é","b":"/"}""")]
    [InlineData("""[ 123456789012345, 1234567890123456, -7, 0, 12345678901234567890 ]""", """[123456789012345,1234567890123456,-7,0,12345678901234567000]""")]
    [InlineData("""{ "n": -0, "m": 10, "l": 2.50, "k": "a\"b", "j": "é" }""", """{"j":"é","k":"a\"b","l":2.5,"m":10,"n":0}""")]
    public void Canonicalize_Json_IsSortedAndWithoutWhitespace(string input, string expected)
    {
        Canonical(input).Should().Be(expected);
    }

    [Theory]
    [InlineData("""{ "a": 1, "a": 2 }""")]
    [InlineData("""{ "a": 1, "\u0061": 2 }""")]
    [InlineData("""[ "\ud800" ]""")]
    [InlineData("""{ "\udc00": 1 }""")]
    [InlineData("""[ 1e400 ]""")]
    [InlineData("""{ "a": 1 } { }""")]
    [InlineData("""{ "a": 1, }""")]
    [InlineData("")]
    public void Canonicalize_NotIJson_Throws(string input)
    {
        var canonicalize = () => Canonical(input);

        canonicalize.Should().Throw<JsonException>();
    }

    [Fact]
    public void Canonicalize_InvalidUtf8InAString_Throws()
    {
        byte[] input = [(byte)'"', 0xC3, (byte)'"'];

        var canonicalize = () => JsonCanonicalizer.Canonicalize(input);

        canonicalize.Should().Throw<JsonException>();
    }

    [Fact]
    public void Format_AnyFiniteDouble_ReadsBackAsTheSameDouble()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var text = Format(value);
            double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).Should().Be(value == 0 ? 0 : value);
            text.Should().NotContain("E").And.NotContain("+0").And.NotStartWith("+");
        });
    }

    [Fact]
    public void Canonicalize_CanonicalText_IsUnchanged()
    {
        Gen.Double.Where(double.IsFinite).Array[0, 8].Sample(values =>
        {
            var json = "{\"z\":[" + string.Join(",", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "],\"a\":\"\\u0001é\"}";
            var once = Canonical(json);
            Canonical(once).Should().Be(once);
        });
    }

    private static string Canonical(string json) => Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(Encoding.UTF8.GetBytes(json)));

    private static string Format(double value)
    {
        Span<byte> text = stackalloc byte[EcmaScriptNumber.MaxLength];
        var length = EcmaScriptNumber.Format(value, text);
        return Encoding.ASCII.GetString(text[..length]);
    }
}
